/**
 * FNV-1a, 32 bit: small, fast and stable across processes and versions. It spreads keys over workers and
 * reps the same way in every process, so it lives below every layer: the core, the CLI and the platform
 * simulators all import it from here.
 */
export function stableHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The guard for "a JSON object" (not null, not an array), for input of unknown shape. It lives in src/lib,
 * which imports nothing of the project, so that the adapters, the CLI, the emulator and the simulators may
 * all use it without crossing a layer.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

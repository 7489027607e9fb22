/**
 * Process-wide count of Attio HTTP attempts, whatever the transport (got, Segment's request): the CLI
 * reports it in replay summaries, where the adapters own their clients. Kept on a global symbol so that a
 * bundled copy of the core (the Segment destination's CommonJS build, which the CLI runs) counts into the
 * same total.
 */
const KEY = Symbol.for('attio-plg.attio-metrics');
const global = globalThis as typeof globalThis & { [KEY]?: { attempts: number } };

export const attioMetrics: { attempts: number } = (global[KEY] ??= { attempts: 0 });

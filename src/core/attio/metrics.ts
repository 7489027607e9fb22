/**
 * Process-wide count of Attio HTTP attempts, whatever the transport (got, Segment's request): the CLI
 * reports it in replay summaries, where the adapters own their clients.
 */
export const attioMetrics = { attempts: 0 };

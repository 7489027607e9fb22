/**
 * What the process running the destination decides, as opposed to what a Segment user sets: the Attio base
 * URL (the host's `ATTIO_API_URL`, else `https://api.attio.com` — never a setting, so nobody with workspace
 * access can point Segment's cloud at another host), how long one request may take, and the workspace's
 * rate budgets this process paces itself to. Segment's cloud runs with the defaults; tests, the emulator and
 * the CLI pass their own.
 */
import { CONFIG_DEFAULTS } from '../../core/config/index.js';

export interface SegmentHost {
  /** Read at every call: `ATTIO_API_URL` is the base URL. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Per request; default Segment's own request timeout, 10 000 ms. */
  requestTimeoutMs?: number;
  /** Attio's per-workspace budgets; default 100 reads/s and 25 writes/s. */
  readsPerSecond?: number;
  writesPerSecond?: number;
}

/** Segment's own default request timeout (actions-core's `DEFAULT_REQUEST_TIMEOUT`); Segment retries what times out. */
export const SEGMENT_REQUEST_TIMEOUT_MS = 10_000;

export interface ResolvedHost {
  env: Readonly<Record<string, string | undefined>>;
  requestTimeoutMs: number;
  readsPerSecond: number;
  writesPerSecond: number;
}

export function resolveHost(host: SegmentHost): ResolvedHost {
  return {
    env: host.env ?? process.env,
    requestTimeoutMs: host.requestTimeoutMs ?? SEGMENT_REQUEST_TIMEOUT_MS,
    readsPerSecond: host.readsPerSecond ?? CONFIG_DEFAULTS.readsPerSecond,
    writesPerSecond: host.writesPerSecond ?? CONFIG_DEFAULTS.writesPerSecond,
  };
}

/**
 * The CLI's commands stream events through the engine and allocate quickly. V8 then lets the heap grow to up
 * to four times what it still holds before the next full collection: a month replay that holds about 90 MB
 * would reside at 400 MB. Growing the heap by at most 30% after each full collection keeps the process near
 * its working set, at no cost in speed we could measure (BENCHMARKS.md). The flag is read at every
 * collection, so setting it once the process runs takes effect; a setting of the user's own
 * (`NODE_OPTIONS=--heap-growing-percent=N`, or the flag on node's command line) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

export function boundHeapGrowth(
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): boolean {
  const ownSetting = /heap[-_]growing[-_]percent/;
  if (ownSetting.test(env.NODE_OPTIONS ?? '') || execArgv.some((arg) => ownSetting.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

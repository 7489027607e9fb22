/**
 * What rudder-server accepts from `/routerTransform` (router/transformer/transformer.go): an `output` array
 * of `DestinationJobT` whose jobIds are exactly the input's, each once, and whose `statTags` are strings.
 * Anything else fails the whole request as 500. Each entry's `batchedRequest` is then read as one request or
 * an array of them (router/misc.go `getIterableStruct`); a shape Go cannot unmarshal is a 599.
 */
import { isRecord } from '../../lib/is-record.js';
import type { PostParameters } from './send-post.js';

export interface JobMetadata {
  jobId: number;
  [key: string]: unknown;
}

export interface DestinationJob {
  /** The entry as the transformer returned it (what Live Events would show). */
  raw: Record<string, unknown>;
  metadata: JobMetadata[];
  statusCode: number;
  error: string;
  statTags: Record<string, string>;
  /** The requests to send for a 200 entry, or why Go could not read them (599). */
  requests: PostParameters[] | { unreadable: string };
}

export type ParsedResponse = { ok: true; jobs: DestinationJob[] } | { ok: false; reason: string };

const isStringMap = (value: unknown) =>
  value === undefined ||
  value === null ||
  (isRecord(value) && Object.values(value).every((v) => typeof v === 'string'));

function readEntry(entry: unknown, index: number): DestinationJob | string {
  if (!isRecord(entry)) return `output[${index}] is not an object`;
  const { metadata, statusCode, error, statTags } = entry;
  if (!Array.isArray(metadata) || !metadata.every((m) => isRecord(m) && Number.isInteger(m['jobId'])))
    return `output[${index}].metadata is not an array of job metadata`;
  if (metadata.length === 0) return `output[${index}] has empty metadata`;
  if (statusCode !== undefined && typeof statusCode !== 'number') return `output[${index}].statusCode is not a number`;
  if (error !== undefined && error !== null && typeof error !== 'string')
    return `output[${index}].error is not a string`;
  if (!isStringMap(statTags)) return `output[${index}].statTags is not a map of strings`;
  return {
    raw: entry,
    metadata: metadata as JobMetadata[],
    statusCode: statusCode ?? 0,
    error: typeof error === 'string' ? error : '',
    statTags: (statTags ?? {}) as Record<string, string>,
    requests:
      'batchedRequest' in entry ? readRequests(entry['batchedRequest']) : { unreadable: 'batchedRequest is missing' },
  };
}

function readRequests(batchedRequest: unknown): PostParameters[] | { unreadable: string } {
  // JSON null unmarshals into an empty struct: one request of no type, which the router skips as a success.
  const requests = batchedRequest === null ? [{}] : Array.isArray(batchedRequest) ? batchedRequest : [batchedRequest];
  for (const [index, request] of requests.entries()) {
    if (!isRecord(request)) return { unreadable: `batchedRequest[${index}] is not an object` };
    for (const key of ['type', 'endpoint', 'endpointPath', 'method', 'userId'] as const) {
      if (request[key] !== undefined && request[key] !== null && typeof request[key] !== 'string')
        return { unreadable: `batchedRequest[${index}].${key} is not a string` };
    }
    if (!isStringMap(request['headers']))
      return { unreadable: `batchedRequest[${index}].headers is not a map of strings` };
    for (const key of ['params', 'body', 'files'] as const) {
      if (request[key] !== undefined && request[key] !== null && !isRecord(request[key]))
        return { unreadable: `batchedRequest[${index}].${key} is not an object` };
    }
  }
  return requests as PostParameters[];
}

export function parseRouterResponse(response: unknown, inputJobIds: readonly number[]): ParsedResponse {
  const output = isRecord(response) ? response['output'] : undefined;
  if (!Array.isArray(output)) return { ok: false, reason: 'the response has no output array' };
  const jobs: DestinationJob[] = [];
  for (const [index, entry] of output.entries()) {
    const job = readEntry(entry, index);
    if (typeof job === 'string') return { ok: false, reason: job };
    jobs.push(job);
  }
  const outputIds = jobs.flatMap((job) => job.metadata.map((m) => m.jobId));
  if (outputIds.length !== inputJobIds.length)
    return { ok: false, reason: `in out mismatch: ${inputJobIds.length} jobs in, ${outputIds.length} job ids out` };
  const known = new Set(inputJobIds);
  const unknown = outputIds.find((id) => !known.has(id));
  if (unknown !== undefined) return { ok: false, reason: `job id ${unknown} was not in the input` };
  const seen = new Set<number>();
  const twice = outputIds.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (twice !== undefined) return { ok: false, reason: `job id ${twice} is in more than one entry` };
  return { ok: true, jobs };
}

/**
 * Support for the RudderStack component tests: rudder-server's router and processor bodies, the jobId
 * invariant, and Attio over nock. The workspace metadata (objects, attributes, options, statuses, lists,
 * members) is read once from the emulator's plg-demo seed and served by nock for every test; the record
 * writes and queries of each case are pinned one by one, with their exact bodies.
 */
import nock from 'nock';
import { expect } from 'vitest';
import { EMULATOR_API_KEY, startEmulator } from '../../../src/emulator/index.js';
import type { RouterOutputEntry } from '../../../src/destinations/rudderstack/index.js';

export const ATTIO = 'https://api.attio.com';
export const API_KEY = 'attio-test-token-5f0c2a';

export const WORKSPACE_ID = '0b6d9c1e-2f61-4f7e-9d1a-6f3c2b7d9e01';
export const OBJECT_IDS = {
  people: '1a1a1a1a-0000-4000-8000-000000000001',
  companies: '1a1a1a1a-0000-4000-8000-000000000002',
  deals: '1a1a1a1a-0000-4000-8000-000000000003',
} as const;
export const PERSON_ID = '2b2b2b2b-0000-4000-8000-000000000001';
export const COMPANY_ID = '2b2b2b2b-0000-4000-8000-000000000002';
export const DEAL_ID = '2b2b2b2b-0000-4000-8000-000000000003';

/** A destination as rudder-server sends it; `Config` holds the UI settings. */
export function destination(config: Record<string, unknown> = {}, id = 'dest-attio-1') {
  return {
    ID: id,
    Name: 'Attio PLG',
    Enabled: true,
    WorkspaceID: 'workspace-1',
    DestinationDefinition: { ID: 'def-attio-plg', Name: 'ATTIO_PLG', DisplayName: 'Attio PLG' },
    Config: { apiKey: API_KEY, productObjects: 'off', salesReps: [{ email: 'alex.rivera@plg-demo.test' }], ...config },
  };
}

/** The same destination as it comes back in outputs: without its API key. */
export function echoed(dest: ReturnType<typeof destination>) {
  const { apiKey: _apiKey, ...config } = dest.Config;
  return { ...dest, Config: config };
}

export function metadata(jobId: number) {
  return {
    jobId,
    destinationId: 'dest-attio-1',
    workspaceId: 'workspace-1',
    sourceId: 'source-1',
    userId: `u${jobId}`,
  };
}

/** Every input jobId appears in exactly one output entry (rudder-server's contract for router transforms). */
export function expectEachJobOnce(
  inputs: ReadonlyArray<{ metadata: { jobId: number } }>,
  outputs: readonly RouterOutputEntry[],
): void {
  const seen = outputs.flatMap((entry) => entry.metadata.map((m) => m['jobId']));
  expect([...seen].sort()).toEqual(inputs.map((input) => input.metadata.jobId).sort());
  expect(new Set(seen).size).toBe(seen.length);
}

/** An Attio record response with only the values a case needs. */
export function record(object: keyof typeof OBJECT_IDS, recordId: string, values: Record<string, unknown[]> = {}) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, object_id: OBJECT_IDS[object], record_id: recordId },
      created_at: '2024-11-01T00:00:00.000000000Z',
      values,
    },
  };
}

export function entry(parentRecordId: string) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, list_id: 'list-1', entry_id: 'entry-1' },
      parent_record_id: parentRecordId,
      parent_object: 'people',
      created_at: '2024-11-01T00:00:00.000000000Z',
      entry_values: {},
    },
  };
}

const actor = { type: 'api-token', id: 'token-1' };

export function note(parentObject: string, parentRecordId: string, title: string) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, note_id: 'note-1' },
      parent_object: parentObject,
      parent_record_id: parentRecordId,
      title,
      meeting_id: null,
      content_plaintext: '',
      content_markdown: '',
      tags: [],
      created_by_actor: actor,
      created_at: '2024-11-01T00:00:00.000000000Z',
    },
  };
}

export function task(content: string) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, task_id: 'task-1' },
      content_plaintext: content,
      deadline_at: null,
      is_completed: false,
      linked_records: [],
      assignees: [],
      created_by_actor: actor,
      created_at: '2024-11-01T00:00:00.000000000Z',
    },
  };
}

/** One Attio call a case expects: method, path (query included), exact body, and the reply. */
export interface PinnedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
  status: number;
  response: unknown;
  headers?: Record<string, string>;
  /** How many identical calls (retries). Default 1. */
  times?: number;
}

/** Registers the pinned calls; the returned scope's `isDone()` says whether each was made. */
export function pinAttio(requests: readonly PinnedRequest[]): nock.Scope {
  const scope = nock(ATTIO, { reqheaders: { authorization: `Bearer ${API_KEY}` } });
  for (const request of requests) {
    const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch';
    const interceptor =
      request.body === undefined
        ? scope[method](request.path)
        : scope[method](request.path, request.body as nock.RequestBodyMatcher);
    interceptor.times(request.times ?? 1).reply(request.status, request.response as nock.Body, request.headers);
  }
  return scope;
}

const METADATA_PATH =
  /^\/v2\/(self|objects|lists|workspace_members|lists\/[^/]+\/attributes|objects\/[^/]+\/attributes(\/[^/]+\/(options|statuses))?)$/;

let workspaceMetadata: Map<string, unknown> | undefined;

/**
 * Serves the plg-demo workspace's metadata, captured once from the emulator, to every later request (nock
 * `persist`). Schema reads are cached by the engine, so they are setup rather than behaviour; they are not
 * pinned. Call again after `nock.cleanAll()`.
 */
export async function serveWorkspaceMetadata(): Promise<void> {
  workspaceMetadata ??= await captureWorkspaceMetadata();
  const bodies = workspaceMetadata;
  nock(ATTIO)
    .persist()
    .get((path) => METADATA_PATH.test(path))
    .reply((path) =>
      bodies.has(path)
        ? [200, bodies.get(path) as nock.Body]
        : [404, { status_code: 404, type: 'invalid_request_error', code: 'not_found', message: 'not in the fixture' }],
    );
}

async function captureWorkspaceMetadata(): Promise<Map<string, unknown>> {
  const emulator = await startEmulator({ seed: 'plg-demo' });
  const bodies = new Map<string, unknown>();
  const read = async (path: string): Promise<unknown> => {
    const response = await fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
    });
    const body: unknown = await response.json();
    bodies.set(path, body);
    return body;
  };
  try {
    await Promise.all(['/v2/self', '/v2/workspace_members'].map(read));
    const lists = (await read('/v2/lists')) as { data: Array<{ api_slug: string }> };
    for (const { api_slug: list } of lists.data) await read(`/v2/lists/${list}/attributes`);
    const objects = (await read('/v2/objects')) as { data: Array<{ api_slug: string }> };
    for (const { api_slug: object } of objects.data) {
      const attributes = (await read(`/v2/objects/${object}/attributes`)) as {
        data: Array<{ api_slug: string; type: string }>;
      };
      for (const attribute of attributes.data) {
        if (attribute.type === 'select') await read(`/v2/objects/${object}/attributes/${attribute.api_slug}/options`);
        if (attribute.type === 'status') await read(`/v2/objects/${object}/attributes/${attribute.api_slug}/statuses`);
      }
    }
  } finally {
    await emulator.close();
  }
  return bodies;
}

/**
 * Delivers router entries as rudder-server does for status 200 (router/worker.go): each entry's
 * `batchedRequest` in order, stopping at the first non-2xx, whose status becomes the entry's. Other statuses
 * are not delivered. Returns each entry's final status.
 */
export async function deliverEntries(entries: readonly RouterOutputEntry[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const entry of entries) {
    if (entry.statusCode !== 200 || !('batchedRequest' in entry)) {
      statuses.push(entry.statusCode);
      continue;
    }
    let status = 200;
    for (const request of entry.batchedRequest) {
      const url = new URL(request.endpoint);
      for (const [key, value] of Object.entries(request.params)) url.searchParams.set(key, value);
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        body: JSON.stringify(request.body.JSON),
      });
      await response.arrayBuffer();
      if (response.status < 200 || response.status >= 300) {
        status = response.status;
        break;
      }
    }
    statuses.push(status);
  }
  return statuses;
}

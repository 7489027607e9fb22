/**
 * Support for the Segment destination tests: Segment's own test harness (actions-core's CommonJS build, which
 * vitest.config.ts gives every import of it), the destination on a host of the test's choosing, Attio over
 * nock with the workspace metadata of the emulator's plg-demo seed, and the record responses the pinned
 * writes answer with.
 */
import * as actionsCoreModule from '@segment/actions-core';
import nock from 'nock';
import { createAttioPlgDestination } from '../../src/destinations/segment/index.js';
import { EMULATOR_API_KEY, startEmulator } from '../../src/emulator/index.js';

export const actionsCore = actionsCoreModule;

export const ATTIO = 'https://api.attio.com';
export const API_KEY = 'attio-segment-secret-9c4e1f';
export const SETTINGS = { apiKey: API_KEY };

/** The destination on a host without ATTIO_API_URL (Attio's own URL, which nock answers), whatever this machine's environment. */
export const destination = createAttioPlgDestination({ env: {} });

/** The destination on a host whose ATTIO_API_URL is `url` (an emulator). */
export function destinationAt(
  url: string,
  host: { writesPerSecond?: number; readsPerSecond?: number; requestTimeoutMs?: number } = {},
) {
  return createAttioPlgDestination({ env: { ATTIO_API_URL: url }, ...host });
}

/** Mappings for nock tests: no Users or Workspaces records (so a test pins only the writes it is about). */
export const NO_PRODUCT_OBJECTS = { product_objects: 'off' };

export const WORKSPACE_ID = '0b6d9c1e-2f61-4f7e-9d1a-6f3c2b7d9e01';
export const PERSON_ID = '2b2b2b2b-0000-4000-8000-000000000001';
export const COMPANY_ID = '2b2b2b2b-0000-4000-8000-000000000002';
export const ENTRY_ID = '2b2b2b2b-0000-4000-8000-000000000009';

/** Metadata paths a workflow may read, with the plg-demo seed's answers. */
const METADATA_PATHS = [
  '/v2/self',
  '/v2/objects',
  '/v2/lists',
  '/v2/workspace_members',
  '/v2/objects/people/attributes',
  '/v2/objects/companies/attributes',
  '/v2/objects/deals/attributes',
  '/v2/objects/users/attributes',
  '/v2/objects/workspaces/attributes',
  '/v2/objects/people/attributes/plan_type/options',
  '/v2/objects/people/attributes/pql_tier/options',
  '/v2/objects/people/attributes/milestones_completed/options',
  '/v2/objects/companies/attributes/plan_type/options',
  '/v2/objects/deals/attributes/stage/statuses',
  '/v2/lists/active_trials/attributes',
  '/v2/lists/pql_queue/attributes',
];

let seedMetadata: Map<string, unknown> | undefined;

/** The plg-demo seed's metadata, read once from an emulator through its HTTP API. */
export async function loadSeedMetadata(): Promise<Map<string, unknown>> {
  if (seedMetadata) return seedMetadata;
  const emulator = await startEmulator({ seed: 'plg-demo' });
  try {
    const answers = new Map<string, unknown>();
    for (const path of METADATA_PATHS) {
      const response = await fetch(`${emulator.url}${path}`, {
        headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
      });
      answers.set(path, await response.json());
    }
    seedMetadata = answers;
    return answers;
  } finally {
    await emulator.close();
  }
}

/** Serves every metadata read from the seed (or what `edit` makes of it), as often as asked. */
export async function serveMetadata(
  edit: (path: string, body: unknown) => unknown = (_path, body) => body,
): Promise<void> {
  const answers = await loadSeedMetadata();
  for (const [path, body] of answers)
    nock(ATTIO)
      .persist()
      .get(path)
      .reply(200, edit(path, body) as nock.Body);
}

/** The look-ups before a write find nothing: a new workspace as far as these records go. */
export function serveEmptyLookups(): void {
  nock(ATTIO)
    .persist()
    .post(/^\/v2\/objects\/[a-z_]+\/records\/query$/)
    .reply(200, { data: [] });
}

export function recordOf(object: string, recordId: string, values: Record<string, unknown> = {}) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, object_id: `${object}-object`, record_id: recordId },
      created_at: '2024-11-01T10:00:00.000Z',
      web_url: `https://app.attio.com/plg-demo/${object}/${recordId}`,
      values,
    },
  };
}

const SELECTS = new Set(['plan_type', 'pql_tier', 'milestones_completed']);

/** Written values as Attio stores and returns them (enough of each type for the attributes the connector writes). */
export function storedValues(values: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(values).map(([slug, list]) => [
      slug,
      list.map((value) => {
        if (slug === 'email_addresses') return { email_address: value };
        if (slug === 'domains') return { domain: value };
        if (SELECTS.has(slug)) return { option: { title: value } };
        return typeof value === 'object' && value !== null ? value : { value };
      }),
    ]),
  );
}

/** A nock reply with the record as Attio returns it after the write: the values written, stored. */
export function echoRecord(object: string, recordId: string) {
  return (_uri: string, body: nock.Body) =>
    recordOf(
      object,
      recordId,
      storedValues((body as { data?: { values?: Record<string, unknown[]> } }).data?.values ?? {}),
    );
}

export function entryOf(list: string, parentRecordId: string) {
  return {
    data: {
      id: { workspace_id: WORKSPACE_ID, list_id: `${list}-list`, entry_id: ENTRY_ID },
      parent_record_id: parentRecordId,
      parent_object: 'people',
      created_at: '2024-11-01T10:00:00.000Z',
      entry_values: {},
    },
  };
}

export function attioError(status: number, type: string, code: string, message: string) {
  return { status_code: status, type, code, message };
}

/** The three writes of a signup with a work email (docs/architecture.md#the-workflows): company, person linked to it, trial entry. */
export function pinSignupWrites(email: string, personValues: Record<string, unknown[]>) {
  const domain = email.split('@')[1] ?? '';
  return nock(ATTIO, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
    .put('/v2/objects/companies/records', { data: { values: { domains: [domain] } } })
    .query({ matching_attribute: 'domains' })
    .reply(200, recordOf('companies', COMPANY_ID))
    .put('/v2/objects/people/records', {
      data: {
        values: {
          email_addresses: [email],
          ...personValues,
          company: [{ target_object: 'companies', target_record_id: COMPANY_ID }],
        },
      },
    })
    .query({ matching_attribute: 'email_addresses' })
    .reply(200, echoRecord('people', PERSON_ID))
    .put(
      '/v2/lists/active_trials/entries',
      (body: {
        data?: { parent_record_id?: string; parent_object?: string; entry_values?: { trial_started_at?: unknown[] } };
      }) =>
        body.data?.parent_record_id === PERSON_ID &&
        body.data.parent_object === 'people' &&
        typeof body.data.entry_values?.trial_started_at?.[0] === 'string',
    )
    .reply(200, entryOf('active_trials', PERSON_ID));
}

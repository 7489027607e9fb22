/**
 * End-to-end support: an emulator per test, an engine wired to it over the real got transport, and readers
 * that fetch the resulting CRM state back through the API (the only honest way to check what Attio holds).
 */
import { afterEach, beforeEach } from 'vitest';
import { type AttioClient, createAttioConnection, type AttioRecord } from '../../src/core/attio/index.js';
import {
  readEmails,
  readFullName,
  readSelectTitles,
  readText,
  readNumber,
  readDomains,
  readRecordRef,
  readRecordRefs,
} from '../../src/core/attio/values.js';
import { parseConfig, type PlgConfigInput } from '../../src/core/config/index.js';
import { EventEngine } from '../../src/pipeline.js';
import {
  EMULATOR_API_KEY,
  startEmulator,
  type EmulatorHandle,
  type EmulatorOptions,
} from '../../src/emulator/index.js';

export const REPS = ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test', 'jordan.patel@plg-demo.test'];

export interface E2E {
  emulator: EmulatorHandle;
  engine: EventEngine;
  /** A second client for reading state back, so reads don't count against the engine's client. */
  reader: AttioClient;
  warnings: string[];
  /** Requests the emulator received since the last call (and resets the log). */
  takeRequests(): Array<{ method: string; path: string; status: number; write: boolean }>;
}

export function useE2E(
  options: { emulator?: EmulatorOptions; config?: Partial<PlgConfigInput>; maxRuns?: number } = {},
): () => E2E {
  let current: E2E | undefined;
  beforeEach(async () => {
    const emulator = await startEmulator({ seed: 'plg-demo', ...options.emulator });
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS, ...options.config });
    const warnings: string[] = [];
    // The emulator's own rate limit is what tests exercise; the client's budget is raised so tests run fast.
    const { client } = createAttioConnection({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
      writesPerSecond: 10_000,
      retry: { baseDelayMs: 5, maxDelayMs: 50 },
    });
    const engine = new EventEngine({
      client,
      config,
      maxRuns: options.maxRuns ?? 1,
      logger: { warn: (m) => warnings.push(m) },
      sleep: async () => {},
    });
    const reader = createAttioConnection({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
    }).client;
    current = {
      emulator,
      engine,
      reader,
      warnings,
      takeRequests() {
        const taken = emulator.requests.map((r) => ({
          method: r.method,
          path: r.path,
          status: r.status,
          write: r.write,
        }));
        emulator.reset();
        return taken;
      },
    };
  });
  afterEach(async () => {
    await current?.emulator.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('e2e fixture not started');
    return current;
  };
}

async function all(reader: AttioClient, object: string): Promise<AttioRecord[]> {
  const out: AttioRecord[] = [];
  for await (const r of reader.queryAllRecords(object)) out.push(r);
  return out;
}

/** The CRM as a sales rep would see it, in a stable, comparable form (ids replaced by readable keys). */
export async function crmState(reader: AttioClient) {
  const [people, companies, deals, lists, members] = await Promise.all([
    all(reader, 'people'),
    all(reader, 'companies'),
    all(reader, 'deals'),
    reader.listLists(),
    reader.listWorkspaceMembers(),
  ]);
  const personKey = new Map(people.map((p) => [p.id.record_id, readEmails(p)[0] ?? p.id.record_id]));
  const companyKey = new Map(companies.map((c) => [c.id.record_id, readDomains(c)[0] ?? c.id.record_id]));
  const dealKey = new Map(deals.map((d) => [d.id.record_id, readText(d, 'name') ?? d.id.record_id]));
  const memberEmail = new Map(members.map((m) => [m.id.workspace_member_id, m.email_address]));
  const keyOf = (object: string, id: string) =>
    (object === 'people' ? personKey.get(id) : object === 'companies' ? companyKey.get(id) : dealKey.get(id)) ?? id;

  const entries: Record<string, string[]> = {};
  for (const list of lists) {
    const parents: string[] = [];
    for await (const e of reader.queryAllEntries(list.api_slug))
      parents.push(keyOf(e.parent_object, e.parent_record_id));
    entries[list.api_slug] = parents.sort();
  }
  const notes: string[] = [];
  const tasks: string[] = [];
  const objectIds = new Map((await reader.listObjects()).map((o) => [o.id.object_id, o.api_slug ?? '']));
  for (const [object, records] of [
    ['people', people],
    ['deals', deals],
  ] as const) {
    for (const r of records) {
      for await (const n of reader.listAllNotes(object, r.id.record_id))
        notes.push(`${keyOf(object, r.id.record_id)} | ${n.title} | ${n.content_plaintext.split('\n')[0]}`);
    }
  }
  for await (const t of reader.listAllTasks()) {
    const links = t.linked_records
      .map((l) => keyOf(objectIds.get(l.target_object_id) ?? '', l.target_record_id))
      .sort();
    const assignees = t.assignees.map((a) => memberEmail.get(a.referenced_actor_id ?? '') ?? a.referenced_actor_id);
    tasks.push(
      `${t.content_plaintext.split(':')[0]} | ${links.join(', ')} | ${assignees.join(', ')} | due ${t.deadline_at ? new Date(t.deadline_at).toISOString() : null}`,
    );
  }
  return {
    people: people
      .map((p) => ({
        email: readEmails(p)[0],
        name: readFullName(p),
        company: keyOf('companies', readRecordRef(p, 'company') ?? '') || undefined,
        plan: readSelectTitles(p, 'plan_type')[0],
        pqlScore: readNumber(p, 'pql_score'),
        pqlTier: readSelectTitles(p, 'pql_tier')[0],
        milestones: readSelectTitles(p, 'milestones_completed').sort(),
        activation: readNumber(p, 'activation_score'),
      }))
      .sort((a, b) => String(a.email).localeCompare(String(b.email))),
    companies: companies
      .map((c) => ({ domain: readDomains(c)[0], name: readText(c, 'name') }))
      .sort((a, b) => String(a.domain).localeCompare(String(b.domain))),
    deals: deals
      .map((d) => ({
        name: readText(d, 'name'),
        stage: (d.values.stage?.[0]?.status as { title?: string } | undefined)?.title,
        owner: memberEmail.get(String(d.values.owner?.[0]?.referenced_actor_id)),
        value: d.values.value?.[0]?.currency_value,
        company: readRecordRef(d, 'associated_company')
          ? keyOf('companies', readRecordRef(d, 'associated_company') ?? '')
          : undefined,
        people: readRecordRefs(d, 'associated_people')
          .map((id) => keyOf('people', id))
          .sort(),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    entries,
    notes: notes.sort(),
    tasks: tasks.sort(),
  };
}

/** Segment-spec event builders for readable scenarios. */
let counter = 0;
export const at = (day: number, hour = 10) => new Date(Date.UTC(2024, 10, day, hour)).toISOString();
export function signedUp(email: string, day: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'track',
    event: 'Signed Up',
    messageId: `m${++counter}`,
    userId: `u-${email}`,
    timestamp: at(day),
    context: { traits: { email, name: nameOf(email), title: 'Product Lead' } },
    properties: { plan: 'trial', source: 'website' },
    ...extra,
  };
}
export function milestone(email: string, event: string, day: number) {
  return {
    type: 'track',
    event,
    messageId: `m${++counter}`,
    userId: `u-${email}`,
    timestamp: at(day),
    context: { traits: { email, name: nameOf(email) } },
    properties: {},
  };
}
export function usage(email: string, day: number, signals: Record<string, number>) {
  return {
    type: 'track',
    event: 'Usage Summary',
    messageId: `m${++counter}`,
    userId: `u-${email}`,
    timestamp: at(day),
    context: { traits: { email, name: nameOf(email) } },
    properties: signals,
  };
}
export function handoff(email: string, event: string, day: number, properties: Record<string, unknown> = {}) {
  return {
    type: 'track',
    event,
    messageId: `m${++counter}`,
    userId: `u-${email}`,
    timestamp: at(day),
    context: { traits: { email, name: nameOf(email) } },
    properties,
  };
}
export function identify(email: string, day: number, traits: Record<string, unknown> = {}) {
  return {
    type: 'identify',
    messageId: `m${++counter}`,
    userId: `u-${email}`,
    timestamp: at(day),
    traits: { email, name: nameOf(email), ...traits },
  };
}
export function group(
  groupId: string,
  website: string,
  day: number,
  traits: Record<string, unknown> = {},
  userEmail?: string,
) {
  return {
    type: 'group',
    messageId: `m${++counter}`,
    groupId,
    ...(userEmail ? { userId: `u-${userEmail}`, context: { traits: { email: userEmail } } } : {}),
    timestamp: at(day),
    traits: { name: `${groupId} Inc`, website, ...traits },
  };
}
function nameOf(email: string): string {
  const local = email.split('@')[0] ?? 'x';
  return local
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
}

export const QUALIFYING = {
  logins_7d: 9,
  features_activated: 4,
  team_invites: 3,
  integrations_connected: 2,
  records_imported: 500,
  active_days_14d: 9,
};
export const WARM = {
  logins_7d: 6,
  features_activated: 1,
  team_invites: 2,
  integrations_connected: 0,
  records_imported: 10,
  active_days_14d: 2,
};

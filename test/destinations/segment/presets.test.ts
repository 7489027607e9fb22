/**
 * The automatic presets, as Segment applies them when a destination is connected: every automatic preset
 * becomes a live subscription. Delivered through actions-core's Destination runtime with
 * `subscriptions: definition.presets` to the emulator, each kind of event is taken by exactly one preset,
 * and no record is written twice for one event.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { describe, expect, it } from 'vitest';
import type { AttioClient } from '../../../src/core/attio/index.js';
import { CONFIG_DEFAULTS } from '../../../src/core/config/index.js';
import { EMULATOR_API_KEY, type RequestLogEntry } from '../../../src/emulator/index.js';
import { QUALIFYING, group, handoff, identify, milestone, signedUp, usage, useE2E } from '../../support/e2e.js';
import { actionsCore, destination, destinationAt } from '../../support/segment.js';

const fixture = useE2E();

function connected() {
  const { emulator } = fixture();
  const definition = destinationAt(emulator.url);
  const runtime = new actionsCore.Destination(definition);
  const settings = { apiKey: EMULATOR_API_KEY, subscriptions: definition.presets } as unknown as Parameters<
    InstanceType<typeof actionsCore.Destination>['onEvent']
  >[1];
  /** The presets that took the event (ran their action). */
  const deliver = async (event: object): Promise<number> => {
    const results = await runtime.onEvent(event as SegmentEvent, settings);
    return results.filter((result) => result.output === 'Action Executed').length;
  };
  return { deliver };
}

const values = (body: unknown): Record<string, unknown[]> =>
  (body as { data?: { values?: Record<string, unknown[]> } }).data?.values ?? {};

/**
 * The record a write went to: asserted records by their matching value (looked up afterwards, so that an
 * assert and an update by id of one record count as one), list entries by their parent, notes and tasks
 * (always new) by their position.
 */
async function recordOf(write: RequestLogEntry, position: number, reader: AttioClient): Promise<string> {
  const segments = write.path.split('/').filter((part) => part !== '');
  if (segments[1] === 'objects' && segments[3] === 'records') {
    const object = segments[2] ?? '';
    if (segments[4] !== undefined) return `${object}/${segments[4]}`;
    const attribute = write.query['matching_attribute'];
    if (attribute === undefined) return `${object}/created#${position}`;
    const [value] = values(write.body)[attribute] ?? [];
    const [record] = await reader.queryRecords(object, { filter: { [attribute]: value as string }, limit: 1 });
    return `${object}/${record?.id.record_id ?? `${attribute}=${String(value)}`}`;
  }
  if (segments[1] === 'lists')
    return `${segments[2]}/entry-of/${(write.body as { data?: { parent_record_id?: string } }).data?.parent_record_id ?? segments[4]}`;
  return `${segments[1]}#${position}`;
}

async function writesPerRecord(
  requests: readonly RequestLogEntry[],
  reader: AttioClient,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const writes = requests.filter((r) => r.write && r.status >= 200 && r.status < 300);
  for (const [position, write] of writes.entries()) {
    const record = await recordOf(write, position, reader);
    counts.set(record, (counts.get(record) ?? 0) + 1);
  }
  return counts;
}

describe('the automatic presets', () => {
  it('are one per kind of event, with Assert Record left for a user to subscribe deliberately', () => {
    expect(
      (destination.presets ?? []).map((p) => [
        p.name,
        p.partnerAction,
        p.type === 'automatic' ? p.subscribe : undefined,
      ]),
    ).toEqual([
      ['Signup', 'signup', 'type = "track" and (event = "Signed Up" or event = "Trial Started")'],
      [
        'Track Milestone',
        'trackMilestone',
        'type = "track" and (event = "Onboarding Completed" or event = "Integration Connected" or event = "Data Imported" or event = "Invite Sent" or event = "Feature Activated" or event = "Milestone Reached")',
      ],
      ['Update PQL Score', 'updatePqlScore', 'type = "track" and event = "Usage Summary"'],
      [
        'Sales Handoff',
        'salesHandoff',
        'type = "track" and (event = "Sales Handoff Requested" or event = "Upgrade Requested" or event = "Demo Requested")',
      ],
      ['Identify User', 'identifyUser', 'type = "identify"'],
      ['Group Workspace', 'groupWorkspace', 'type = "group"'],
    ]);
    expect(destination.actions.assertRecord?.defaultSubscription).toBeUndefined();
  });

  it('map only fields of their action, with the fields’ defaults (what `./bin/run validate` checks)', () => {
    for (const preset of destination.presets ?? []) {
      const fields = destination.actions[preset.partnerAction]?.fields ?? {};
      expect(
        Object.keys(preset.mapping ?? {}).filter((key) => !(key in fields)),
        preset.partnerAction,
      ).toEqual([]);
      expect(Object.keys(preset.mapping ?? {}).sort(), preset.partnerAction).toEqual(
        Object.keys(fields)
          .filter((key) => fields[key]?.default !== undefined)
          .sort(),
      );
    }
  });

  it('take every kind of event exactly once, and nothing else', async () => {
    const { deliver } = connected();
    const email = 'one@taker.io';
    const taken = async (event: object) => deliver(event);
    expect(await taken(identify(email, 1))).toBe(1);
    expect(await taken(group('ws-taker', 'taker.io', 1, { plan: 'team' }, email))).toBe(1);
    for (const event of CONFIG_DEFAULTS.signupEvents)
      expect(await taken({ ...signedUp(email, 2), event }), event).toBe(1);
    for (const event of [...Object.keys(CONFIG_DEFAULTS.milestoneEvents), CONFIG_DEFAULTS.milestoneReachedEvent]) {
      expect(await taken({ ...milestone(email, event, 3), properties: { milestone: 'data_imported' } }), event).toBe(1);
    }
    expect(await taken(usage(email, 4, QUALIFYING))).toBe(1);
    for (const event of CONFIG_DEFAULTS.handoffEvents)
      expect(await taken(handoff(email, event, 5, { value: 1000 })), event).toBe(1);
    expect(await taken({ ...milestone(email, 'Page Viewed', 6) })).toBe(0);
    expect(
      await taken({
        type: 'page',
        name: 'Pricing',
        messageId: 'page-1',
        timestamp: '2024-11-04T10:00:00.000Z',
        userId: 'u-1',
      }),
    ).toBe(0);
  });

  it.each([
    [
      'identify',
      identify('ada@acme.io', 1, { title: 'CTO', company: { name: 'Acme', website: 'https://acme.io' } }),
      ['people', 'companies'],
    ],
    ['signup', signedUp('bob@globex.io', 1), ['people', 'companies', 'active_trials']],
    [
      'group',
      group('ws-initech', 'https://initech.io', 1, { plan: 'team' }, 'cy@initech.io'),
      ['companies', 'workspaces'],
    ],
  ] as const)('a %s through every preset writes each record once', async (_kind, event, objects) => {
    const { emulator, reader } = fixture();
    const { deliver } = connected();
    // The person a group call links must exist: their identify first, then only the group's writes count.
    if (_kind === 'group') await deliver(identify('cy@initech.io', 0));
    emulator.reset();

    expect(await deliver(event)).toBe(1);

    const counts = await writesPerRecord(emulator.requests, reader);
    expect(counts.size).toBeGreaterThan(0);
    expect([...counts].filter(([, writes]) => writes > 1)).toEqual([]);
    for (const object of objects)
      expect(
        [...counts.keys()].some((record) => record.startsWith(`${object}/`)),
        object,
      ).toBe(true);
  });
});

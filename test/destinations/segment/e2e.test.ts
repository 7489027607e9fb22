/**
 * End to end on Segment's own runtime: `new Destination(definition)` with the presets as subscriptions
 * delivers Segment-spec events (one by one with onEvent, then a batch with onBatch) to the emulator; the
 * CRM state is read back through the API.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import {
  QUALIFYING,
  REPS,
  crmState,
  group,
  handoff,
  identify,
  milestone,
  signedUp,
  usage,
  useE2E,
} from '../../support/e2e.js';
import { actionsCore, destinationAt } from '../../support/segment.js';

const fixture = useE2E();

function runtime() {
  const { emulator } = fixture();
  const destination = destinationAt(emulator.url);
  // The presets as a marketer connects them, the sales reps chosen in each action that assigns work.
  const subscriptions = (destination.presets ?? []).map((preset) =>
    'sales_reps' in (destination.actions[preset.partnerAction]?.fields ?? {})
      ? { ...preset, mapping: { ...preset.mapping, sales_reps: REPS } }
      : preset,
  );
  const settings = { apiKey: EMULATOR_API_KEY, subscriptions };
  return {
    segment: new actionsCore.Destination(destination),
    settings: settings as unknown as Parameters<InstanceType<typeof actionsCore.Destination>['onEvent']>[1],
  };
}

const asEvent = (event: object) => event as SegmentEvent;

describe('the destination on Segment’s runtime against the emulator', () => {
  it('turns a PLG journey delivered event by event into people, company, deals, list entries, notes and tasks', async () => {
    const { segment, settings } = runtime();
    const journey = [
      identify('ada@acme.io', 1, { title: 'CTO', company: { name: 'Acme', website: 'https://www.acme.io/pricing' } }),
      group('ws-acme', 'https://acme.io', 1, { plan: 'team' }, 'ada@acme.io'),
      signedUp('bob@acme.io', 2),
      milestone('bob@acme.io', 'Integration Connected', 3),
      usage('bob@acme.io', 4, QUALIFYING),
      handoff('bob@acme.io', 'Demo Requested', 5, { value: 40000, reason: 'Security review' }),
    ];
    for (const event of journey) await segment.onEvent(asEvent(event), settings);

    const state = await crmState(fixture().reader);
    expect(state.companies).toEqual([{ domain: 'acme.io', name: 'ws-acme Inc' }]);
    expect(state.people.map((p) => [p.email, p.company, p.pqlTier ?? null, p.milestones])).toEqual([
      ['ada@acme.io', 'acme.io', null, []],
      ['bob@acme.io', 'acme.io', 'hot', ['first_integration']],
    ]);
    expect(state.deals.map((d) => [d.name, d.stage, d.company, d.value ?? null])).toEqual([
      ['Enterprise Upgrade - ws-acme Inc', 'Sales Qualified', 'acme.io', 40000],
      ['PQL - ws-acme Inc', 'Product Qualified', 'acme.io', null],
    ]);
    expect(state.entries).toEqual({ active_trials: ['bob@acme.io'], pql_queue: ['bob@acme.io'] });
    expect(state.notes.map((n) => n.split(' | ').slice(0, 2).join(' | '))).toEqual([
      'Enterprise Upgrade - ws-acme Inc | PLG Handoff Context',
      'bob@acme.io | Activation Milestone',
      'bob@acme.io | PQL Qualified',
    ]);
    expect(state.tasks.map((t) => t.split(' | ')[0])).toEqual([
      'PLG -> Sales Handoff (Demo Requested)',
      'PQL Follow-up',
    ]);
  });

  it('applies a batch with onBatch: one multistatus per subscription, each event its own status, redeliveries once', async () => {
    const { segment, settings } = runtime();
    const first = signedUp('cy@initech.io', 1);
    const events = [
      first,
      signedUp('dee@globex.io', 1),
      { ...first },
      signedUp('bad-email', 1),
      milestone('cy@initech.io', 'Data Imported', 2),
    ];
    const results = await segment.onBatch(events.map(asEvent), settings);

    const signup = results.find((r) =>
      r.multistatus?.some((s) => s.status === 200 && 'sent' in s && JSON.stringify(s.sent).includes('"signup"')),
    );
    expect(signup?.multistatus?.map((s) => s.status)).toEqual([200, 200, 200, 400, 400]);
    expect(signup?.multistatus?.[3]).toMatchObject({ errormessage: 'email: must be a valid email address' });
    const milestones = results.find((r) => JSON.stringify(r).includes('"milestone"'));
    expect(milestones?.multistatus?.map((s) => s.status)).toEqual([400, 400, 400, 400, 200]);

    const state = await crmState(fixture().reader);
    expect(state.people.map((p) => [p.email, p.company, p.milestones])).toEqual([
      ['cy@initech.io', 'initech.io', ['data_imported']],
      ['dee@globex.io', 'globex.io', []],
    ]);
    expect(state.entries.active_trials).toEqual(['cy@initech.io', 'dee@globex.io']);
  });
});

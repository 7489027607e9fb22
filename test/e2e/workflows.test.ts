import { describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { chooseRep } from '../../src/core/workflows/index.js';
import { EMULATOR_API_KEY } from '../../src/emulator/index.js';
import {
  at,
  crmState,
  group,
  handoff,
  identify,
  milestone,
  QUALIFYING,
  REPS,
  signedUp,
  usage,
  useE2E,
  WARM,
} from '../support/e2e.js';

describe('workflows on the emulator', () => {
  const e2e = useE2E();

  async function apply(...events: unknown[]) {
    const { engine } = e2e();
    for (const event of events) {
      const result = await engine.processEvent(event);
      expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    }
  }

  it('a personal-domain signup creates and links no company', async () => {
    await apply(signedUp('sam.smith@gmail.com', 1));
    const state = await crmState(e2e().reader);
    expect(state.companies).toEqual([]);
    expect(state.people.map((p) => [p.email, p.company])).toEqual([['sam.smith@gmail.com', undefined]]);
    expect(state.entries.active_trials).toEqual(['sam.smith@gmail.com']);
  });

  it('a milestone updates activation and adds one note per milestone, however often it arrives', async () => {
    await apply(signedUp('jane.doe@acme.com', 1), milestone('jane.doe@acme.com', 'Integration Connected', 4));
    await apply(
      milestone('jane.doe@acme.com', 'Integration Connected', 4),
      milestone('jane.doe@acme.com', 'Data Imported', 5),
    );
    const state = await crmState(e2e().reader);
    expect(state.people[0]).toMatchObject({ milestones: ['data_imported', 'first_integration'], activation: 0.4 });
    expect(state.notes).toEqual([
      'jane.doe@acme.com | Activation Milestone | Milestone: data_imported',
      'jane.doe@acme.com | Activation Milestone | Milestone: first_integration',
    ]);
  });

  it('the milestone note says when it happened and how long after signup', async () => {
    await apply(signedUp('jane.doe@acme.com', 1), milestone('jane.doe@acme.com', 'Onboarding Completed', 4));
    const { reader } = e2e();
    const [person] = await reader.queryRecords('people', { filter: { email_addresses: 'jane.doe@acme.com' } });
    const notes = await reader.listNotes('people', person!.id.record_id);
    expect(notes.map((n) => n.content_plaintext)).toEqual([
      `Milestone: onboarding_completed\nTimestamp: ${at(4)}\nDays since signup: 3\nattio-plg key: milestone:onboarding_completed`,
    ]);
  });

  it('a score below the threshold is written with its tier and explanation, and opens nothing', async () => {
    await apply(signedUp('jane.doe@acme.com', 1), usage('jane.doe@acme.com', 3, WARM));
    const { reader } = e2e();
    const state = await crmState(reader);
    expect(state.people[0]).toMatchObject({ pqlScore: 30, pqlTier: 'warm' });
    expect([state.deals, state.tasks, state.entries.pql_queue]).toEqual([[], [], []]);
    const [person] = await reader.queryRecords('people', { filter: { email_addresses: 'jane.doe@acme.com' } });
    expect(person!.values.pql_explanation?.[0]?.value).toBe(
      'Logins (7d) 6>=5 +10, Features activated 1<3 +0, Team invites 2>=2 +20, Integration connected 0<1 +0, Records imported 10<100 +0, Active days (14d) 2<7 +0 — score 30/100',
    );
  });

  it('the first qualifier of a company opens one PQL deal, list entry, task and note; later qualifiers join the deal', async () => {
    await apply(
      group('ws_acme', 'https://www.Acme.com/pricing', 1, { name: 'Acme' }),
      signedUp('jane.doe@acme.com', 1),
      signedUp('li.wu@acme.com', 2),
      usage('jane.doe@acme.com', 8, QUALIFYING),
      usage('li.wu@acme.com', 9, QUALIFYING),
      usage('jane.doe@acme.com', 10, QUALIFYING),
    );
    const state = await crmState(e2e().reader);
    const rep = chooseRep('acme.com', REPS);
    expect(state.deals).toEqual([
      {
        name: 'PQL - Acme',
        stage: 'Product Qualified',
        owner: rep,
        value: undefined,
        company: 'acme.com',
        people: ['jane.doe@acme.com', 'li.wu@acme.com'],
      },
    ]);
    expect(state.tasks).toEqual([
      `PQL Follow-up | PQL - Acme, jane.doe@acme.com | ${rep} | due ${new Date(Date.parse(at(8)) + 24 * 3600_000).toISOString()}`,
    ]);
    expect(state.entries.pql_queue).toEqual(['jane.doe@acme.com', 'li.wu@acme.com']);
    expect(state.notes).toEqual([
      'jane.doe@acme.com | PQL Qualified | PQL score: 100/100 (hot), threshold 60',
      'li.wu@acme.com | PQL Qualified | PQL score: 100/100 (hot), threshold 60',
    ]);
  });

  it('a personal-domain qualifier gets a deal of their own', async () => {
    await apply(signedUp('sam.smith@gmail.com', 1), usage('sam.smith@gmail.com', 5, QUALIFYING));
    const state = await crmState(e2e().reader);
    expect(state.deals.map((d) => [d.name, d.company, d.people])).toEqual([
      ['PQL - Sam Smith', undefined, ['sam.smith@gmail.com']],
    ]);
  });

  it('an older score never overwrites a newer one', async () => {
    await apply(
      signedUp('jane.doe@acme.com', 1),
      usage('jane.doe@acme.com', 9, WARM),
      usage('jane.doe@acme.com', 8, QUALIFYING),
    );
    const state = await crmState(e2e().reader);
    expect(state.people[0]).toMatchObject({ pqlScore: 30, pqlTier: 'warm' });
    expect(state.deals).toEqual([]);
  });

  it('a handoff opens the upgrade deal with its value, a task for the rep and a context note, once per kind', async () => {
    await apply(
      signedUp('jane.doe@acme.com', 1),
      milestone('jane.doe@acme.com', 'Integration Connected', 2),
      usage('jane.doe@acme.com', 6, QUALIFYING),
      handoff('jane.doe@acme.com', 'Demo Requested', 7, { value: 75000, plan: 'enterprise', reason: 'SSO' }),
      handoff('jane.doe@acme.com', 'Demo Requested', 7, { value: 75000, plan: 'enterprise', reason: 'SSO' }),
      handoff('jane.doe@acme.com', 'Upgrade Requested', 8, { value: 80000 }),
    );
    const { reader } = e2e();
    const state = await crmState(reader);
    const rep = chooseRep('acme.com', REPS);
    expect(state.deals.find((d) => d.name === 'Enterprise Upgrade - acme.com')).toEqual({
      name: 'Enterprise Upgrade - acme.com',
      stage: 'Sales Qualified',
      owner: rep,
      value: 75000,
      company: 'acme.com',
      people: ['jane.doe@acme.com'],
    });
    expect(state.tasks.filter((t) => t.startsWith('PLG'))).toEqual([
      `PLG -> Sales Handoff (Demo Requested) | Enterprise Upgrade - acme.com, jane.doe@acme.com | ${rep} | due ${new Date(Date.parse(at(8))).toISOString()}`,
      `PLG -> Sales Handoff (Upgrade Requested) | Enterprise Upgrade - acme.com, jane.doe@acme.com | ${rep} | due ${new Date(Date.parse(at(9))).toISOString()}`,
    ]);
    const [deal] = await reader.queryRecords('deals', { filter: { name: 'Enterprise Upgrade - acme.com' } });
    const notes = await reader.listNotes('deals', deal!.id.record_id);
    expect(notes.map((n) => n.content_plaintext)).toContain(
      [
        'Request: Demo Requested',
        'PQL Score: 100',
        'Active Users: 1',
        'Key Features: first_integration',
        'Trial Start: 2024-11-01',
        'Activation: 20%',
        'Deal Value: 75000',
        'Plan: enterprise',
        'Reason: SSO',
        'Latest Score Explanation: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 2>=1 +25, Records imported 500>=100 +20, Active days (14d) 9>=7 +10 — score 100/100',
        'Recommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms',
        'attio-plg key: handoff:Demo Requested',
      ].join('\n'),
    );
    expect(notes).toHaveLength(2);
  });

  it('identify asserts the person and the user record, so a later event can find the person by userId alone', async () => {
    const { engine, reader } = e2e();
    await apply(identify('jane.doe@acme.com', 1, { title: 'CTO' }));
    const result = await engine.processEvent({
      type: 'track',
      event: 'Usage Summary',
      messageId: 'only-user-id',
      userId: 'u-jane.doe@acme.com',
      timestamp: at(2),
      properties: WARM,
    });
    expect(result.status, JSON.stringify(result.failure)).toBe('applied');
    const state = await crmState(reader);
    expect(state.people).toEqual([
      expect.objectContaining({ email: 'jane.doe@acme.com', company: 'acme.com', pqlScore: 30 }),
    ]);
    const users = await reader.queryRecords('users', {});
    expect(users.map((u) => u.values.user_id?.[0]?.value)).toEqual(['u-jane.doe@acme.com']);
  });

  it('a second user id with the same email still gets its user record, without the unique email', async () => {
    const { engine, reader, warnings } = e2e();
    await apply(identify('jane.doe@acme.com', 1));
    const second = { ...identify('jane.doe@acme.com', 2), userId: 'u-jane-again' };
    expect((await engine.processEvent(second)).status).toBe('applied');
    const users = await reader.queryRecords('users', { sorts: [{ attribute: 'user_id', direction: 'asc' }] });
    expect(
      users.map((u) => [u.values.user_id?.[0]?.value, u.values.primary_email_address?.[0]?.email_address]),
    ).toEqual([
      ['u-jane-again', undefined],
      ['u-jane.doe@acme.com', 'jane.doe@acme.com'],
    ]);
    expect(warnings).toContain(
      'another Attio user already has this email as primary_email_address; the user record was written without it',
    );
  });

  it('an unknown userId is retryable while the event is young, then a rejection that says what to send', async () => {
    const { engine } = e2e();
    const young = await engine.processEvent({
      type: 'track',
      event: 'Usage Summary',
      messageId: 'a',
      userId: 'nobody',
      timestamp: new Date().toISOString(),
      properties: WARM,
    });
    expect([young.status, young.failure?.category, young.failure?.retryable]).toEqual([
      'failed',
      'unknown-person',
      true,
    ]);
    const old = await engine.processEvent({
      type: 'track',
      event: 'Usage Summary',
      messageId: 'b',
      userId: 'nobody',
      timestamp: at(1),
      properties: WARM,
    });
    expect([old.status, old.failure?.field]).toEqual(['rejected', 'userId']);
    expect(old.failure?.message).toMatch(/send traits\.email/);
  });

  it('group upserts the company from its website, the workspace record, and links the user', async () => {
    await apply(
      signedUp('jane.doe@gmail.com', 1),
      group('ws_9', 'https://www.Initech.io/about', 2, { name: 'Initech', plan: 'pro', ...WARM }, 'jane.doe@gmail.com'),
    );
    const { reader } = e2e();
    const state = await crmState(reader);
    expect(state.companies).toEqual([{ domain: 'initech.io', name: 'Initech' }]);
    expect(state.people[0]?.company).toBe('initech.io');
    const [workspace] = await reader.queryRecords('workspaces', {});
    expect(workspace?.values.workspace_id?.[0]?.value).toBe('ws_9');
    const [company] = await reader.queryRecords('companies', {});
    expect(company?.values.pql_score?.[0]?.value).toBe(30);
  });
});

describe('configuration errors name what is valid', () => {
  const e2e = useE2E({ config: { pqlStage: 'Qualified!' } });

  it('an unknown stage names the valid stages and is not retryable', async () => {
    const { engine } = e2e();
    await engine.processEvent(signedUp('jane.doe@acme.com', 1));
    const result = await engine.processEvent(usage('jane.doe@acme.com', 5, QUALIFYING));
    expect(result.status).toBe('failed');
    expect(result.failure).toMatchObject({ category: 'config', field: 'pqlStage', retryable: false });
    expect(result.failure?.message).toBe(
      'pqlStage: unknown stage "Qualified!"; valid titles: Lead, Product Qualified, Sales Qualified, In Progress, Won 🎉, Lost',
    );
  });
});

describe('deals keyed on a unique attribute (dealMatchingAttribute)', () => {
  const e2e = useE2E({ config: { dealMatchingAttribute: 'plg_deal_key' } });

  it('opens one PQL deal per company, found again by its key, and the upgrade deal separately', async () => {
    const { engine, reader } = e2e();
    for (const event of [
      signedUp('jane.doe@acme.com', 1),
      signedUp('li.wu@acme.com', 1),
      usage('jane.doe@acme.com', 3, QUALIFYING),
      usage('li.wu@acme.com', 4, QUALIFYING),
      handoff('li.wu@acme.com', 'Demo Requested', 5, { value: 10000 }),
    ]) {
      expect((await engine.processEvent(event)).status).toBe('applied');
    }
    const deals = await reader.queryRecords('deals', { sorts: [{ attribute: 'name', direction: 'asc' }] });
    const [acme] = await reader.queryRecords('companies', { filter: { domains: 'acme.com' } });
    expect(deals.map((d) => [d.values.name?.[0]?.value, d.values.plg_deal_key?.[0]?.value])).toEqual([
      ['Enterprise Upgrade - acme.com', `enterprise-upgrade:company:${acme!.id.record_id}`],
      ['PQL - acme.com', `pql:company:${acme!.id.record_id}`],
    ]);
    expect((await crmState(reader)).deals.find((d) => d.name === 'PQL - acme.com')?.people).toEqual([
      'jane.doe@acme.com',
      'li.wu@acme.com',
    ]);
  });

  it('two engines racing for the same account still open one deal: the unique key decides', async () => {
    const { engine, reader, emulator } = e2e();
    await engine.processEvent(signedUp('jane.doe@acme.com', 1));
    await engine.processEvent(signedUp('li.wu@acme.com', 1));
    const second = new EventEngine({
      client: createAttioConnection({
        apiUrl: emulator.url,
        apiKey: EMULATOR_API_KEY,
        readsPerSecond: 10_000,
        writesPerSecond: 10_000,
      }).client,
      config: engine.config,
    });
    const results = await Promise.all([
      engine.processEvent(usage('jane.doe@acme.com', 3, QUALIFYING)),
      second.processEvent(usage('li.wu@acme.com', 3, QUALIFYING)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const state = await crmState(reader);
    expect(state.deals.map((d) => [d.name, d.people])).toEqual([
      ['PQL - acme.com', ['jane.doe@acme.com', 'li.wu@acme.com']],
    ]);
  });
});

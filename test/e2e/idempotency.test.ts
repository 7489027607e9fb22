import { describe, expect, it } from 'vitest';
import { crmState, handoff, milestone, QUALIFYING, signedUp, usage, useE2E, WARM } from '../support/e2e.js';

/** A small PLG story: two companies, a free-mail user, milestones, scores crossing the threshold, a handoff. */
function story() {
  return [
    signedUp('jane.doe@acme.com', 1),
    signedUp('li.wu@acme.com', 2),
    signedUp('sam.smith@gmail.com', 2),
    signedUp('ola.berg@globex.io', 3),
    milestone('jane.doe@acme.com', 'Onboarding Completed', 2),
    milestone('jane.doe@acme.com', 'Integration Connected', 3),
    milestone('ola.berg@globex.io', 'Data Imported', 4),
    usage('li.wu@acme.com', 5, WARM),
    usage('jane.doe@acme.com', 5, WARM),
    usage('jane.doe@acme.com', 8, QUALIFYING),
    usage('sam.smith@gmail.com', 9, QUALIFYING),
    usage('ola.berg@globex.io', 9, WARM),
    handoff('jane.doe@acme.com', 'Sales Handoff Requested', 12, { value: 50000 }),
  ];
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('redelivery and ordering', () => {
  const e2e = useE2E();
  const reference = useE2E();

  it('every event delivered twice gives the same CRM as once', async () => {
    const events = story();
    for (const event of events) await reference().engine.processEvent(event);
    for (const event of events) {
      await e2e().engine.processEvent(event);
      await e2e().engine.processEvent(structuredClone(event));
    }
    const expected = await crmState(reference().reader);
    expect(expected.deals.map((d) => d.name).sort()).toEqual([
      'Enterprise Upgrade - acme.com',
      'PQL - Sam Smith',
      'PQL - acme.com',
    ]);
    expect(await crmState(e2e().reader)).toEqual(expected);
  });

  it('the same events in shuffled order, each twice, give the same CRM', async () => {
    const events = story();
    for (const event of events) await reference().engine.processEvent(event);
    for (const event of shuffled([...events, ...events.map((e) => structuredClone(e))], 7))
      await e2e().engine.processEvent(event);
    expect(await crmState(e2e().reader)).toEqual(await crmState(reference().reader));
  });

  it('a whole batch delivered twice through processBatch changes nothing the second time', async () => {
    const events = story();
    const { engine, reader, takeRequests } = e2e();
    const first = await engine.processBatch(events);
    expect(first.map((r) => r.status)).toEqual(events.map(() => 'applied'));
    const before = await crmState(reader);
    takeRequests();
    await engine.processBatch(events);
    const writes = takeRequests().filter((r) => r.method === 'POST' && !r.path.endsWith('/query'));
    expect(writes).toEqual([]);
    expect(await crmState(reader)).toEqual(before);
  });
});

/**
 * End to end on the emulator: a mixed router batch through `processRouterDest` over the real got/p-queue
 * transport, the resulting CRM read back through the API, and the same batch delivered again.
 */
import { describe, expect, it } from 'vitest';
import {
  processRouterDest as transformBatch,
  withTransformerEnv,
  type RouterOutputEntry,
} from '../../../src/destinations/rudderstack/index.js';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import {
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
} from '../../support/e2e.js';
import { deliverEntries, expectEachJobOnce, metadata } from './support.js';

function batch() {
  const destination = {
    ID: 'dest-attio-e2e',
    Name: 'Attio PLG',
    Enabled: true,
    WorkspaceID: 'workspace-1',
    DestinationDefinition: { ID: 'def-attio-plg', Name: 'ATTIO_PLG', DisplayName: 'Attio PLG' },
    // As the RudderStack UI sends them: numbers as strings, reps as rows, one blank row left in a form.
    Config: {
      apiKey: EMULATOR_API_KEY,
      salesReps: REPS.map((email) => ({ email })),
      pqlThreshold: '60',
      taskDueHours: '24',
      handoffEvents: [{ event: '' }],
    },
  };
  const janeSignup = signedUp('jane.doe@acme.com', 1);
  const { messageId: _messageId, ...invalid } = signedUp('no.id@acme.com', 1);
  const messages = [
    janeSignup,
    signedUp('li.wu@acme.com', 2),
    signedUp('sam.smith@gmail.com', 2),
    identify('jane.doe@acme.com', 2, { title: 'VP Product' }),
    group('ws_acme', 'https://www.acme.com/pricing', 2, { name: 'Acme' }, 'jane.doe@acme.com'),
    milestone('jane.doe@acme.com', 'Integration Connected', 3),
    usage('li.wu@acme.com', 4, WARM),
    usage('jane.doe@acme.com', 5, QUALIFYING),
    handoff('jane.doe@acme.com', 'Demo Requested', 6, { value: 25000, reason: 'SSO and audit logs' }),
    {
      type: 'track',
      event: 'Page Scrolled',
      messageId: 'm-other',
      userId: 'u-x',
      timestamp: '2024-11-06T10:00:00.000Z',
      properties: {},
    },
    invalid,
    structuredClone(janeSignup),
  ];
  return messages.map((message, index) => ({ message, metadata: metadata(index + 1), destination }));
}

/** Each entry as its jobs and status: one person's jobs share an entry (their writes are one lane's). */
function statuses(output: RouterOutputEntry[]): Array<[unknown[], number]> {
  return output.map((entry) => [entry.metadata.map((m) => m['jobId']), entry.statusCode]);
}

describe('RudderStack transformer on the emulator', () => {
  const e2e = useE2E();

  it('a mixed batch gives the expected CRM, and the same batch again changes nothing', async () => {
    const { emulator, reader, takeRequests } = e2e();
    // The emulator is the transformer host's Attio (its ATTIO_API_URL); a destination's Config cannot choose it.
    const processRouterDest = (inputs: unknown[], reqMetadata: unknown) =>
      withTransformerEnv({ ATTIO_API_URL: emulator.url }, () => transformBatch(inputs, reqMetadata));
    const inputs = batch();

    const first = await processRouterDest(inputs, {});
    expectEachJobOnce(inputs, first);
    // Jane's jobs (the repeated signup among them), Li's, Sam's; the untracked event is filtered, the invalid one aborted.
    expect(statuses(first)).toEqual([
      [[1, 4, 5, 6, 8, 9, 12], 200],
      [[2, 7], 200],
      [[3], 200],
      [[10], 298],
      [[11], 400],
    ]);
    expect(await deliverEntries(first)).toEqual([200, 200, 200, 298, 400]);

    const state = await crmState(reader);
    expect(state).toEqual(EXPECTED_STATE);

    takeRequests();
    const second = await processRouterDest(batch(), {});
    expectEachJobOnce(inputs, second);
    // Redelivered: every write is found done, so the transformer has nothing left for rudder-server.
    expect(statuses(second)).toEqual([
      [[1, 4, 5, 6, 8, 9, 12], 299],
      [[2, 7], 299],
      [[3], 299],
      [[10], 298],
      [[11], 400],
    ]);
    const requests = takeRequests();
    expect(requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query'))).toEqual([]);
    expect(await crmState(reader)).toEqual(state);
  });
});

const jane = 'jane.doe@acme.com';
const alex = 'alex.rivera@plg-demo.test';

/** The workflows (docs/architecture.md#the-workflows) for this batch: three trials, one company (Sam's is free mail), Jane qualifies and asks for a demo. */
const EXPECTED_STATE = {
  people: [
    {
      email: jane,
      name: 'Jane Doe',
      company: 'acme.com',
      plan: 'trial',
      pqlScore: 100,
      pqlTier: 'hot',
      milestones: ['first_integration'],
      activation: 0.2,
    },
    {
      email: 'li.wu@acme.com',
      name: 'Li Wu',
      company: 'acme.com',
      plan: 'trial',
      pqlScore: 30,
      pqlTier: 'warm',
      milestones: [],
      activation: undefined,
    },
    {
      email: 'sam.smith@gmail.com',
      name: 'Sam Smith',
      company: undefined,
      plan: 'trial',
      pqlScore: undefined,
      pqlTier: undefined,
      milestones: [],
      activation: undefined,
    },
  ],
  companies: [{ domain: 'acme.com', name: 'Acme' }],
  deals: [
    {
      name: 'Enterprise Upgrade - Acme',
      stage: 'Sales Qualified',
      owner: alex,
      value: 25000,
      company: 'acme.com',
      people: [jane],
    },
    {
      name: 'PQL - Acme',
      stage: 'Product Qualified',
      owner: alex,
      value: undefined,
      company: 'acme.com',
      people: [jane],
    },
  ],
  entries: { active_trials: [jane, 'li.wu@acme.com', 'sam.smith@gmail.com'], pql_queue: [jane] },
  notes: [
    'Enterprise Upgrade - Acme | PLG Handoff Context | Request: Demo Requested',
    `${jane} | Activation Milestone | Milestone: first_integration`,
    `${jane} | PQL Qualified | PQL score: 100/100 (hot), threshold 60`,
  ],
  tasks: [
    `PLG -> Sales Handoff (Demo Requested) | Enterprise Upgrade - Acme, ${jane} | ${alex} | due 2024-11-07T10:00:00.000Z`,
    `PQL Follow-up | PQL - Acme, ${jane} | ${alex} | due 2024-11-06T10:00:00.000Z`,
  ],
};

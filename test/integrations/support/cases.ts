/**
 * The attio_plg cases in rudder-transformer's test format, before their outputs are known: the destination
 * as rudder-server sends it (its Config as the RudderStack UI stores it, with the connection-mode and consent
 * keys the UI adds), job metadata, RudderStack messages as its SDKs send them, and which Attio read fails.
 * ./record.ts runs them to write destinations/attio_plg/{router,processor}/data.ts and network.ts.
 */

import { secret1 } from '../destinations/attio_plg/maskedSecrets.js';

export { authHeader1, secret1 } from '../destinations/attio_plg/maskedSecrets.js';

export const destType = 'attio_plg';

export const destination = {
  ID: 'attio-plg-dest-1',
  Name: 'Attio PLG',
  Enabled: true,
  WorkspaceID: 'rudder-workspace-1',
  DestinationDefinition: { ID: 'attio-plg-definition', Name: 'ATTIO_PLG', DisplayName: 'Attio PLG', Config: {} },
  Transformations: [],
  Config: {
    apiKey: secret1,
    salesReps: [{ email: 'alex.rivera@plg-demo.test' }],
    productObjects: 'off',
    pqlThreshold: '60',
    signupEvents: [{ event: 'Signed Up' }, { event: 'Trial Started' }],
    connectionMode: 'cloud',
    consentManagement: [],
  },
};

/** A destination whose scoring model cannot work: its weights add up to 90. */
export const misconfigured = {
  ...destination,
  ID: 'attio-plg-dest-2',
  Config: {
    ...destination.Config,
    scoringSignals: [
      { signal: 'logins_7d', label: 'Logins', weight: '40', threshold: '5' },
      { signal: 'team_invites', label: 'Invites', weight: '50', threshold: '2' },
    ],
  },
};

/** rudder-server's job metadata for a router input (the user id as its gateway builds it). */
export function routerMetadata(jobId: number, userId: string, anonymousId: string) {
  return {
    jobId,
    userId: `<<>>${anonymousId}<<>>${userId}`,
    sourceId: 'source-web-1',
    sourceCategory: '',
    destinationId: destination.ID,
    workspaceId: destination.WorkspaceID,
    attemptNum: 0,
    transformAt: 'router',
  };
}

/** The processor stage's metadata for one event. */
export function processorMetadata(jobId: number, messageId: string) {
  return {
    jobId,
    messageId,
    sourceId: 'source-web-1',
    sourceType: 'Javascript',
    destinationId: destination.ID,
    workspaceId: destination.WorkspaceID,
    destinationType: 'ATTIO_PLG',
  };
}

interface Person {
  userId: string;
  anonymousId: string;
  email: string;
  firstName: string;
  lastName: string;
}

const library = { name: 'RudderLabs JavaScript SDK', version: '3.7.0' };

function envelope(messageId: string, person: Person, at: string) {
  return {
    messageId,
    anonymousId: person.anonymousId,
    userId: person.userId,
    channel: 'web',
    integrations: { All: true },
    originalTimestamp: at,
    sentAt: at,
    receivedAt: at,
    timestamp: at,
    rudderId: `rudder-${person.userId}`,
  };
}

export function identify(messageId: string, person: Person, at: string, traits: Record<string, unknown> = {}) {
  const all = { email: person.email, firstName: person.firstName, lastName: person.lastName, ...traits };
  return { type: 'identify', ...envelope(messageId, person, at), context: { library, traits: all }, traits: all };
}

export function track(
  messageId: string,
  person: Person,
  at: string,
  event: string,
  properties: Record<string, unknown> = {},
) {
  return {
    type: 'track',
    ...envelope(messageId, person, at),
    event,
    properties,
    context: { library, traits: { email: person.email, firstName: person.firstName, lastName: person.lastName } },
  };
}

export const person = (slug: string, email: string, firstName: string, lastName: string): Person => ({
  userId: `usr_${slug}`,
  anonymousId: `anon_${slug}`,
  email,
  firstName,
  lastName,
});

import type { Feature } from './transformer.js';

export interface AttioPlgCase {
  id: string;
  feature: Feature;
  description: string;
  scenario: string;
  successCriteria: string;
  /** The events of the request, in order; each becomes one job. */
  events: unknown[];
  destination?: typeof destination;
  /** The first Attio read of the case answers this status (with Retry-After 0 for 429), every time. */
  attioFault?: 429 | 503;
}

const ada = person('ada', 'ada@lovelace-analytics.io', 'Ada', 'Lovelace');
const grace = person('grace', 'grace@hopper-labs.io', 'Grace', 'Hopper');
const katherine = person('katherine', 'katherine@johnson-orbital.io', 'Katherine', 'Johnson');
const margaret = person('margaret', 'margaret@hamilton-systems.io', 'Margaret', 'Hamilton');
const alan = person('alan', 'alan@turing-compute.io', 'Alan', 'Turing');
const barbara = person('barbara', 'barbara@liskov-data.io', 'Barbara', 'Liskov');
const edsger = person('edsger', 'edsger@dijkstra-paths.io', 'Edsger', 'Dijkstra');

const QUALIFYING = {
  logins_7d: 9,
  features_activated: 4,
  team_invites: 3,
  integrations_connected: 1,
  records_imported: 40,
  active_days_14d: 5,
};

/** Scenarios for both stages; the processor's use people of their own, so no Attio call is the same in both. */
function scenarios(feature: Feature): AttioPlgCase[] {
  const p =
    feature === 'processor'
      ? (who: ReturnType<typeof person>) =>
          person(`p_${who.userId.slice(4)}`, who.email.replace('@', '@p-'), who.firstName, who.lastName)
      : (who: ReturnType<typeof person>) => who;
  const id = (name: string) => `attio_plg-${feature}-${name}`;
  const [a, g, k, m, t, b, e] = [ada, grace, katherine, margaret, alan, barbara, edsger].map(p) as [
    typeof ada,
    typeof ada,
    typeof ada,
    typeof ada,
    typeof ada,
    typeof ada,
    typeof ada,
  ];
  const many = feature === 'router';
  return [
    {
      id: id('signup'),
      feature,
      description: 'Signed Up from a work email: the person, their company and a trial list entry',
      scenario: 'signup',
      successCriteria:
        'Reads and id-producing writes happen in the transformer; the remaining idempotent writes come back as the batchedRequest of a 200',
      events: [
        track(`${feature}-signup-1`, a, '2024-11-04T09:00:00.000Z', 'Signed Up', { plan: 'trial', source: 'website' }),
      ],
    },
    {
      id: id('milestone'),
      feature,
      description: many
        ? 'identify then Integration Connected for one user in one request'
        : 'Integration Connected for a person known by email',
      scenario: 'milestone',
      successCriteria:
        'The person’s milestones and activation score are written once, with one Activation Milestone note',
      events: [
        ...(many
          ? [identify(`${feature}-milestone-1`, g, '2024-11-04T10:00:00.000Z', { title: 'Staff Engineer' })]
          : []),
        track(`${feature}-milestone-2`, g, '2024-11-05T10:00:00.000Z', 'Integration Connected', {
          integration: 'slack',
        }),
      ],
    },
    {
      id: id('pql'),
      feature,
      description: many
        ? 'identify with a company, then a Usage Summary that qualifies the user as a PQL'
        : 'a Usage Summary whose signals qualify the user as a PQL',
      scenario: 'pql-qualification',
      successCriteria:
        'Score and tier written; on first qualification a PQL deal, a pql_queue entry, a follow-up task and a PQL Qualified note',
      events: [
        ...(many
          ? [
              identify(`${feature}-pql-1`, k, '2024-11-06T09:00:00.000Z', {
                company: { name: 'Johnson Orbital', website: 'https://johnson-orbital.io' },
              }),
            ]
          : []),
        track(`${feature}-pql-2`, k, '2024-11-07T09:00:00.000Z', 'Usage Summary', QUALIFYING),
      ],
    },
    {
      id: id('handoff'),
      feature,
      description: 'Demo Requested with a deal value: the sales handoff',
      scenario: 'handoff',
      successCriteria:
        'One Enterprise Upgrade deal at the handoff stage with its value, a handoff task and a PLG Handoff Context note',
      events: [
        track(`${feature}-handoff-1`, m, '2024-11-08T15:00:00.000Z', 'Demo Requested', {
          value: 24000,
          plan: 'enterprise',
          reason: 'SSO and audit logs',
        }),
      ],
    },
    {
      id: id('ignored'),
      feature,
      description: 'a track event outside the tracking plan',
      scenario: 'filtered',
      successCriteria: many
        ? '298 (filtered), and no call to Attio'
        : 'InstrumentationError 400, as rudder-transformer’s destinations answer an event they do not map, and no call to Attio',
      events: [track(`${feature}-ignored-1`, e, '2024-11-08T16:00:00.000Z', 'Page Scrolled', { depth: 80 })],
    },
    {
      id: id('invalid'),
      feature,
      description: 'Signed Up with an email that is not one',
      scenario: 'invalid-event',
      successCriteria: 'InstrumentationError 400 naming traits.email, and no call to Attio',
      events: [
        {
          ...track(`${feature}-invalid-1`, e, '2024-11-08T16:00:00.000Z', 'Signed Up', { plan: 'trial' }),
          context: { traits: { email: 'not-an-email' } },
        },
      ],
    },
    {
      id: id('throttled-read'),
      feature,
      description: 'Data Imported, and Attio answers 429 to the transformer’s first read',
      scenario: 'attio-throttled',
      successCriteria: 'ThrottledError 429, so rudder-server retries the job later',
      events: [track(`${feature}-throttled-1`, t, '2024-11-04T11:00:00.000Z', 'Data Imported', { rows: 1200 })],
      attioFault: 429,
    },
    {
      id: id('unavailable-read'),
      feature,
      description: 'Data Imported, and Attio answers 503 to the transformer’s first read',
      scenario: 'attio-unavailable',
      successCriteria: 'RetryableError 500, so rudder-server retries the job later',
      events: [track(`${feature}-unavailable-1`, b, '2024-11-04T12:00:00.000Z', 'Data Imported', { rows: 300 })],
      attioFault: 503,
    },
    {
      id: id('bad-config'),
      feature,
      description: 'a destination whose scoring weights add up to 90',
      scenario: 'configuration',
      successCriteria: 'ConfigurationError 400 naming scoringSignals, and no call to Attio',
      events: [track(`${feature}-bad-config-1`, e, '2024-11-04T13:00:00.000Z', 'Signed Up', { plan: 'trial' })],
      destination: misconfigured,
    },
  ];
}

export const CASES: readonly AttioPlgCase[] = [...scenarios('router'), ...scenarios('processor')];

/** The case's request body as rudder-server posts it: `{input, destType}` to the router, a bare array to the processor. */
export function requestBody(testCase: AttioPlgCase, firstJobId: number) {
  const dest = testCase.destination ?? destination;
  const inputs = testCase.events.map((message, index) => {
    const { userId, anonymousId, messageId } = message as { userId: string; anonymousId: string; messageId: string };
    const metadata =
      testCase.feature === 'router'
        ? routerMetadata(firstJobId + index, userId, anonymousId)
        : processorMetadata(firstJobId + index, messageId);
    return { message, metadata: { ...metadata, destinationId: dest.ID }, destination: dest };
  });
  return testCase.feature === 'router' ? { input: inputs, destType } : inputs;
}

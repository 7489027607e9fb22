/**
 * Processor cases in rudder-transformer's component style: the request body (one event per element), the
 * Attio calls it must make (pinned), and the response body the transformer service would return:
 * `{output, metadata, statusCode: 200}` for a job done, `{metadata, statusCode, error, statTags}` otherwise.
 */
import { COMPANY_ID, DEAL_ID, destination, entry, metadata, note, PERSON_ID, record, task, type PinnedRequest } from '../support.js';
import { groupMessage, identifyMessage, trackMessage } from './messages.js';

export interface ProcessorCase {
  name: string;
  description: string;
  attio: PinnedRequest[];
  input: { request: { body: Array<{ message: unknown; metadata: Record<string, unknown>; destination: unknown }> } };
  output: { response: { status: 200; body: unknown[] } };
}

const dest = destination();
const jane = { target_object: 'people', target_record_id: PERSON_ID };
const acme = { target_object: 'companies', target_record_id: COMPANY_ID };
const janeName = [{ first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe' }];

export const INSTRUMENTATION = { errorCategory: 'dataValidation', errorType: 'instrumentation' };
export const CONFIGURATION = { errorCategory: 'dataValidation', errorType: 'configuration' };

const assertAcme = (values: Record<string, unknown> = { domains: ['acme.com'] }): PinnedRequest => ({
  method: 'PUT',
  path: '/v2/objects/companies/records?matching_attribute=domains',
  body: { data: { values } },
  status: 200,
  response: record('companies', COMPANY_ID, { domains: [{ domain: 'acme.com' }] }),
});

const assertJane = (values: Record<string, unknown>, response: Record<string, unknown[]> = {}): PinnedRequest => ({
  method: 'PUT',
  path: '/v2/objects/people/records?matching_attribute=email_addresses',
  body: { data: { values: { email_addresses: ['jane.doe@acme.com'], ...values } } },
  status: 200,
  response: record('people', PERSON_ID, { email_addresses: [{ email_address: 'jane.doe@acme.com' }], name: [{ first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe' }], ...response }),
});

const done = (jobId: number, workflows: string[]) => ({ output: { statusCode: 299, status: 'applied', workflows }, metadata: metadata(jobId), statusCode: 200 });

const single = (message: unknown, jobId: number, dst: unknown = dest) => ({ request: { body: [{ message, metadata: metadata(jobId), destination: dst }] } });

export const processorCases: ProcessorCase[] = [
  {
    name: 'identify',
    description: 'identify upserts the company from traits.company and the person linked to it',
    attio: [
      assertAcme({ domains: ['acme.com'], name: ['Acme'] }),
      assertJane({ name: janeName, job_title: ['CTO'], plan_type: ['pro'], company: [acme] }),
    ],
    input: single(identifyMessage('msg-identify-1', { email: 'Jane.Doe@Acme.com', firstName: 'Jane', lastName: 'Doe', title: 'CTO', plan: 'pro', company: { name: 'Acme', website: 'https://www.acme.com/' } }), 1),
    output: { response: { status: 200, body: [done(1, ['identify'])] } },
  },
  {
    name: 'track: signup',
    description: '"Signed Up" asserts the company by email domain, the person, and the trial list entry (3 writes)',
    attio: [
      assertAcme(),
      assertJane({ name: janeName, signup_date: ['2024-11-01'], signup_source: ['website'], plan_type: ['trial'], company: [acme] }),
      { method: 'PUT', path: '/v2/lists/active_trials/entries', body: { data: { parent_record_id: PERSON_ID, parent_object: 'people', entry_values: {} } }, status: 200, response: entry(PERSON_ID) },
    ],
    input: single(trackMessage('msg-signup-1', 'Signed Up', 1, { plan: 'trial', source: 'website' }), 2),
    output: { response: { status: 200, body: [done(2, ['signup'])] } },
  },
  {
    name: 'track: milestone',
    description: '"Integration Connected" records the milestone, the activation score and one note',
    attio: [
      assertJane({ name: janeName }),
      {
        method: 'PATCH',
        path: `/v2/objects/people/records/${PERSON_ID}`,
        body: { data: { values: { milestones_completed: ['first_integration'], activation_score: [0.2], last_activity_date: ['2024-11-02'] } } },
        status: 200,
        response: record('people', PERSON_ID),
      },
      {
        method: 'POST',
        path: '/v2/notes',
        body: { data: { parent_object: 'people', parent_record_id: PERSON_ID, title: 'Activation Milestone', format: 'plaintext', content: 'Milestone: first_integration\nTimestamp: 2024-11-02T10:00:00.000Z\nDays since signup: unknown', created_at: '2024-11-02T10:00:00.000Z' } },
        status: 200,
        response: note('people', PERSON_ID, 'Activation Milestone'),
      },
    ],
    input: single(trackMessage('msg-milestone-1', 'Integration Connected', 2), 3),
    output: { response: { status: 200, body: [done(3, ['milestone'])] } },
  },
  {
    name: 'track: PQL usage below the threshold',
    description: '"Usage Summary" writes score, tier and explanation; a warm lead opens no deal',
    attio: [
      assertJane({ name: janeName }),
      {
        method: 'PATCH',
        path: `/v2/objects/people/records/${PERSON_ID}`,
        body: {
          data: {
            values: {
              pql_score: [30],
              pql_tier: ['warm'],
              pql_explanation: ['Logins (7d) 6>=5 +10, Features activated 1<3 +0, Team invites 2>=2 +20, Integration connected 0<1 +0, Records imported 10<100 +0, Active days (14d) 2<7 +0 — score 30/100'],
              pql_scored_at: ['2024-11-03T10:00:00.000Z'],
              last_activity_date: ['2024-11-03'],
            },
          },
        },
        status: 200,
        response: record('people', PERSON_ID),
      },
    ],
    input: single(trackMessage('msg-usage-1', 'Usage Summary', 3, { logins_7d: 6, features_activated: 1, team_invites: 2, integrations_connected: 0, records_imported: 10, active_days_14d: 2 }), 4),
    output: { response: { status: 200, body: [done(4, ['pql'])] } },
  },
  {
    name: 'track: handoff',
    description: '"Demo Requested" opens the Enterprise Upgrade deal, a task for the rep and the context note',
    attio: [
      assertJane({ name: janeName }),
      assertAcme(),
      { method: 'PATCH', path: `/v2/objects/people/records/${PERSON_ID}`, body: { data: { values: { company: [acme] } } }, status: 200, response: record('people', PERSON_ID) },
      { method: 'GET', path: `/v2/objects/companies/records/${COMPANY_ID}`, status: 200, response: record('companies', COMPANY_ID, { domains: [{ domain: 'acme.com' }] }) },
      {
        method: 'POST',
        path: '/v2/objects/deals/records/query',
        body: { filter: { associated_company: acme }, sorts: [{ attribute: 'created_at', direction: 'asc' }], limit: 100, offset: 0 },
        status: 200,
        response: { data: [] },
      },
      {
        method: 'POST',
        path: '/v2/objects/deals/records',
        body: {
          data: {
            values: {
              name: ['Enterprise Upgrade - acme.com'],
              stage: ['Sales Qualified'],
              owner: [{ workspace_member_email_address: 'alex.rivera@plg-demo.test' }],
              value: [5000],
              associated_company: [acme],
              associated_people: [jane],
            },
          },
        },
        status: 200,
        response: record('deals', DEAL_ID),
      },
      { method: 'GET', path: `/v2/tasks?linked_object=deals&linked_record_id=${DEAL_ID}&limit=500&offset=0`, status: 200, response: { data: [] } },
      {
        method: 'POST',
        path: '/v2/tasks',
        body: {
          data: {
            content: 'PLG -> Sales Handoff (Demo Requested): Jane Doe at acme.com asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO',
            format: 'plaintext',
            deadline_at: '2024-11-05T10:00:00.000Z',
            is_completed: false,
            linked_records: [{ target_object: 'deals', target_record_id: DEAL_ID }, jane],
            assignees: [{ workspace_member_email_address: 'alex.rivera@plg-demo.test' }],
          },
        },
        status: 200,
        response: task('PLG -> Sales Handoff'),
      },
      { method: 'POST', path: '/v2/objects/people/records/query', body: { filter: { company: acme }, limit: 500, offset: 0 }, status: 200, response: { data: [record('people', PERSON_ID).data] } },
      { method: 'GET', path: `/v2/notes?parent_object=deals&parent_record_id=${DEAL_ID}&limit=50&offset=0`, status: 200, response: { data: [] } },
      {
        method: 'POST',
        path: '/v2/notes',
        body: {
          data: {
            parent_object: 'deals',
            parent_record_id: DEAL_ID,
            title: 'PLG Handoff Context',
            format: 'plaintext',
            content:
              'Request: Demo Requested\nPQL Score: not scored\nActive Users: 1\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 5000\nReason: SSO\nLatest Score Explanation: none\nRecommended Approach: Discovery call to confirm the use case before proposing a plan',
            created_at: '2024-11-04T10:00:00.000Z',
          },
        },
        status: 200,
        response: note('deals', DEAL_ID, 'PLG Handoff Context'),
      },
    ],
    input: single(trackMessage('msg-handoff-1', 'Demo Requested', 4, { value: 5000, reason: 'SSO' }), 5),
    output: { response: { status: 200, body: [done(5, ['handoff'])] } },
  },
  {
    name: 'group',
    description: 'group asserts the company by its website host and links the person from context.traits',
    attio: [assertAcme({ domains: ['acme.com'], name: ['Acme Inc'] }), assertJane({ company: [acme] })],
    input: single(groupMessage('msg-group-1', 'ws_acme', { name: 'Acme Inc', website: 'https://www.Acme.com/pricing' }), 6),
    output: { response: { status: 200, body: [done(6, ['group'])] } },
  },
  {
    name: 'track: not in the tracking plan',
    description: 'an event the tracking plan does not route is done (299) without any Attio call',
    attio: [],
    input: single(trackMessage('msg-other-1', 'Page Scrolled', 2), 7),
    output: { response: { status: 200, body: [{ output: { statusCode: 299, status: 'ignored', workflows: [] }, metadata: metadata(7), statusCode: 200 }] } },
  },
];

/**
 * Router cases in rudder-transformer's component style: rudder-server's request body `{input, destType}` and
 * the transformer's response body `{output}`, with Attio's side pinned by nock. Entries are in input order.
 */
import { COMPANY_ID, destination, echoed, entry, metadata, note, PERSON_ID, record, type PinnedRequest } from '../support.js';
import { trackMessage } from './messages.js';
import { CONFIGURATION, INSTRUMENTATION } from './processor.js';

type Destination = ReturnType<typeof destination>;

interface RouterInputEntry {
  message: unknown;
  metadata: ReturnType<typeof metadata>;
  destination: unknown;
}

export interface RouterCase {
  name: string;
  description: string;
  attio: PinnedRequest[];
  input: { request: { body: { input: RouterInputEntry[]; destType: string } } };
  output: { response: { status: 200; body: { output: unknown[] } } };
}

const dest = destination();
const janeName = [{ first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe' }];
const acme = { target_object: 'companies', target_record_id: COMPANY_ID };

const job = (jobId: number, message: unknown, dst: unknown = dest): RouterInputEntry => ({ message, metadata: metadata(jobId), destination: dst });
const suppressed = (jobId: number, dst: Destination = dest) => ({ batchedRequest: [], metadata: [metadata(jobId)], batched: false, statusCode: 299, destination: echoed(dst) });
const failed = (jobId: number, statusCode: number, error: string, statTags: Record<string, string>, dst: Destination = dest) => ({
  metadata: [metadata(jobId)],
  batched: false,
  statusCode,
  error,
  statTags,
  destination: echoed(dst),
});

const personPath = '/v2/objects/people/records?matching_attribute=email_addresses';
const personResponse = record('people', PERSON_ID, { email_addresses: [{ email_address: 'jane.doe@acme.com' }], name: [{ first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe' }] });

const signup = trackMessage('msg-r-signup', 'Signed Up', 1, { plan: 'trial', source: 'website' });
const { messageId: _messageId, ...invalid } = trackMessage('x', 'Signed Up', 1);

const janeSignup: PinnedRequest[] = [
  { method: 'PUT', path: '/v2/objects/companies/records?matching_attribute=domains', body: { data: { values: { domains: ['acme.com'] } } }, status: 200, response: record('companies', COMPANY_ID) },
  {
    method: 'PUT',
    path: personPath,
    body: { data: { values: { email_addresses: ['jane.doe@acme.com'], name: janeName, signup_date: ['2024-11-01'], signup_source: ['website'], plan_type: ['trial'], company: [acme] } } },
    status: 200,
    response: personResponse,
  },
  { method: 'PUT', path: '/v2/lists/active_trials/entries', body: { data: { parent_record_id: PERSON_ID, parent_object: 'people', entry_values: {} } }, status: 200, response: entry(PERSON_ID) },
];

const janeMilestone: PinnedRequest[] = [
  { method: 'PUT', path: personPath, body: { data: { values: { email_addresses: ['jane.doe@acme.com'], name: janeName } } }, status: 200, response: personResponse },
  {
    method: 'PATCH',
    path: `/v2/objects/people/records/${PERSON_ID}`,
    body: { data: { values: { milestones_completed: ['data_imported'], activation_score: [0.2], last_activity_date: ['2024-11-02'] } } },
    status: 200,
    response: record('people', PERSON_ID),
  },
  {
    method: 'POST',
    path: '/v2/notes',
    body: { data: { parent_object: 'people', parent_record_id: PERSON_ID, title: 'Activation Milestone', format: 'plaintext', content: 'Milestone: data_imported\nTimestamp: 2024-11-02T10:00:00.000Z\nDays since signup: unknown', created_at: '2024-11-02T10:00:00.000Z' } },
    status: 200,
    response: note('people', PERSON_ID, 'Activation Milestone'),
  },
];

const misconfigured = destination({ apiKey: '' }, 'dest-attio-2');

export const routerCases: RouterCase[] = [
  {
    name: 'mixed batch',
    description: 'each job keeps its own outcome: applied and ignored jobs report 299, the invalid one 400; a redelivered messageId writes once; the signup and milestone of one person share one person assert',
    attio: [...janeSignup, ...janeMilestone.slice(1)],
    input: {
      request: {
        body: {
          input: [
            job(1, signup),
            job(2, invalid),
            job(3, trackMessage('msg-r-other', 'Page Scrolled', 1)),
            job(4, signup),
            job(5, trackMessage('msg-r-milestone', 'Data Imported', 2)),
          ],
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: { output: [suppressed(1), failed(2, 400, 'messageId: is required', INSTRUMENTATION), suppressed(3), suppressed(4), suppressed(5)] },
      },
    },
  },
  {
    name: 'throttled neighbour',
    description: 'a 429 for one person fails only that job (429) while another person in the batch is applied',
    attio: [
      { ...janeMilestone[0]!, status: 429, response: { status_code: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'Rate limit exceeded' }, headers: { 'retry-after': '120' } },
      { method: 'PUT', path: personPath, body: { data: { values: { email_addresses: ['sam.smith@gmail.com'], name: [{ first_name: 'Sam', last_name: 'Smith', full_name: 'Sam Smith' }], signup_date: ['2024-11-01'], signup_source: ['product'], plan_type: ['trial'] } } }, status: 200, response: record('people', '2b2b2b2b-0000-4000-8000-000000000009') },
      { method: 'PUT', path: '/v2/lists/active_trials/entries', body: { data: { parent_record_id: '2b2b2b2b-0000-4000-8000-000000000009', parent_object: 'people', entry_values: {} } }, status: 200, response: entry('2b2b2b2b-0000-4000-8000-000000000009') },
    ],
    input: {
      request: {
        body: {
          input: [
            job(11, trackMessage('msg-r-throttled', 'Data Imported', 2)),
            job(12, { ...trackMessage('msg-r-sam', 'Signed Up', 1, { plan: 'trial' }, 'sam.smith@gmail.com'), context: { traits: { email: 'sam.smith@gmail.com', firstName: 'Sam', lastName: 'Smith' } } }),
          ],
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            failed(11, 429, 'Attio PUT /v2/objects/people/records failed (429 rate_limit_exceeded): Rate limit exceeded', { errorCategory: 'network', errorType: 'throttled' }),
            suppressed(12),
          ],
        },
      },
    },
  },
  {
    name: 'invalid config',
    description: "every job of a misconfigured destination gets its own 400; another destination's jobs in the same batch are unaffected",
    attio: [],
    input: {
      request: {
        body: {
          input: [job(21, signup, misconfigured), job(22, trackMessage('msg-r-other-2', 'Page Scrolled', 1)), job(23, invalid, misconfigured)],
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            failed(21, 400, 'Invalid Config: apiKey: is required', CONFIGURATION, misconfigured),
            suppressed(22),
            failed(23, 400, 'Invalid Config: apiKey: is required', CONFIGURATION, misconfigured),
          ],
        },
      },
    },
  },
  {
    name: 'empty batch',
    description: 'no input, no output',
    attio: [],
    input: { request: { body: { input: [], destType: 'attio_plg' } } },
    output: { response: { status: 200, body: { output: [] } } },
  },
];

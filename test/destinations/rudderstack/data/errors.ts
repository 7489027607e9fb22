/**
 * Processor cases that fail: invalid messages (400, no Attio call), invalid Config (400), and each kind of
 * Attio failure translated to the integrations-lib error rudder-server acts on.
 */
import { API_KEY, destination, metadata, type PinnedRequest } from '../support.js';
import { identifyMessage, trackMessage } from './messages.js';
import { CONFIGURATION, INSTRUMENTATION, type ProcessorCase } from './processor.js';

const THROTTLED = { errorCategory: 'network', errorType: 'throttled' };
const RETRYABLE = { errorCategory: 'network', errorType: 'retryable' };
const ABORTED = { errorCategory: 'network', errorType: 'aborted' };
const UNAUTHORIZED = { errorCategory: 'network', errorType: 'aborted', meta: 'unauthorized' };

const jane = { email: 'jane.doe@acme.com', firstName: 'Jane', lastName: 'Doe' };
const milestone = trackMessage('msg-milestone-err', 'Integration Connected', 2);

/** The milestone's first write, the person assert, answered with `status` and an Attio error body. */
function assertPersonFails(status: number, type: string, code: string, message: string, extra: Partial<PinnedRequest> = {}): PinnedRequest {
  return {
    method: 'PUT',
    path: '/v2/objects/people/records?matching_attribute=email_addresses',
    body: { data: { values: { email_addresses: ['jane.doe@acme.com'], name: [{ first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe' }] } } },
    status,
    response: { status_code: status, type, code, message },
    ...extra,
  };
}

function failing(name: string, description: string, message: unknown, jobId: number, statusCode: number, error: string, statTags: Record<string, string>, attio: PinnedRequest[] = [], dest: unknown = destination()): ProcessorCase {
  return {
    name,
    description,
    attio,
    input: { request: { body: [{ message, metadata: metadata(jobId), destination: dest }] } },
    output: { response: { status: 200, body: [{ metadata: metadata(jobId), statusCode, error, statTags }] } },
  };
}

const { messageId: _messageId, ...withoutMessageId } = identifyMessage('x', jane);
const { originalTimestamp: _o, sentAt: _s, receivedAt: _r, timestamp: _t, ...withoutTimestamps } = trackMessage('msg-no-time', 'Signed Up', 1);

export const errorCases: ProcessorCase[] = [
  failing('invalid message', 'a message without messageId is an instrumentation error naming the field', withoutMessageId, 101, 400, 'messageId: is required', INSTRUMENTATION),
  failing('invalid message', 'a malformed email names traits.email', identifyMessage('msg-bad-email', { email: 'jane.doe(at)acme.com' }), 102, 400, 'traits.email: must be a valid email address', INSTRUMENTATION),
  failing('invalid message', 'a type this destination does not handle (page) is rejected', { ...identifyMessage('msg-page', jane), type: 'page' }, 103, 400, 'type: must be one of: identify, track, group', INSTRUMENTATION),
  failing('invalid message', 'an event without any timestamp is rejected', withoutTimestamps, 104, 400, 'timestamp: is required (or one of originalTimestamp, receivedAt, sentAt)', INSTRUMENTATION),
  failing('invalid message', 'a message that is not an object is rejected', null, 105, 400, 'message: must be a JSON object', INSTRUMENTATION),
  failing(
    'unknown person',
    'a user known only by userId, whose identify is days old and not in Attio, can never be resolved: 400',
    { ...trackMessage('msg-unknown-old', 'Integration Connected', 2), context: {} },
    106,
    400,
    'userId: no Attio user with this userId: send traits.email, or identify the user first with the Users object enabled',
    INSTRUMENTATION,
    [findUser()],
    destination({ productObjects: 'auto' }),
  ),
  failing(
    'unknown person',
    'without email and without the Users object, a userId cannot be resolved: 400',
    { ...trackMessage('msg-unknown-off', 'Integration Connected', 2), context: {} },
    107,
    400,
    'traits.email: no email on the event, and the Attio Users object is not enabled to find the person by userId',
    INSTRUMENTATION,
  ),
  failing('invalid config', 'a Config without apiKey is a configuration error', milestone, 111, 400, 'Invalid Config: apiKey: is required', CONFIGURATION, [], destination({ apiKey: '' })),
  failing('invalid config', 'a non-numeric pqlThreshold names the key', milestone, 112, 400, 'Invalid Config: pqlThreshold: must be a finite number, got a string', CONFIGURATION, [], destination({ pqlThreshold: 'high' })),
  failing('invalid config', 'a threshold out of range is caught by the core schema', milestone, 113, 400, 'Invalid Config: pqlThreshold: must be <= 100', CONFIGURATION, [], destination({ pqlThreshold: '120' })),
  failing(
    'invalid config',
    'plain http to a remote host would send the token in clear',
    milestone,
    114,
    400,
    'Invalid Config: apiUrl: must use https (http is allowed only for localhost, 127.0.0.0/8 or [::1])',
    CONFIGURATION,
    [],
    destination({ apiUrl: 'http://attio.example.com' }),
  ),
  failing('invalid config', 'a half-filled milestone mapping row names the blank cell', milestone, 115, 400, 'Invalid Config: milestoneEvents[0].to: must not be empty when the other column is set', CONFIGURATION, [], destination({ milestoneEvents: [{ from: 'Report Shared', to: '' }] })),
  failing(
    'invalid config',
    'scoring weights that do not sum to 100 name scoringSignals',
    milestone,
    116,
    400,
    'Invalid Config: scoringSignals: weights must sum to 100, got 50',
    CONFIGURATION,
    [],
    destination({ scoringSignals: [{ signal: 'logins_7d', weight: '50', threshold: '5' }] }),
  ),
  failing('invalid config', 'a destination without ID is a configuration error', milestone, 117, 400, 'Invalid destination: ID: is required', CONFIGURATION, [], { ...destination(), ID: undefined }),
  failing(
    'Attio throttling',
    'a 429 whose Retry-After exceeds the in-process wait becomes ThrottledError (429): rudder-server backs off',
    milestone,
    121,
    429,
    'Attio PUT /v2/objects/people/records failed (429 rate_limit_exceeded): Rate limit exceeded, please try again later',
    THROTTLED,
    [assertPersonFails(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded, please try again later', { headers: { 'retry-after': '120' } })],
  ),
  failing(
    'Attio server error',
    'a 503 on every attempt (3, the transformer retry policy) becomes RetryableError (500)',
    milestone,
    122,
    500,
    'Attio PUT /v2/objects/people/records failed (503 service_unavailable): Service temporarily unavailable',
    RETRYABLE,
    [assertPersonFails(503, 'api_error', 'service_unavailable', 'Service temporarily unavailable', { times: 3 })],
  ),
  failing(
    'Attio auth error',
    'a revoked token (401) becomes UnauthorizedError with Attio status',
    milestone,
    123,
    401,
    'Attio PUT /v2/objects/people/records failed (401 invalid_token): The access token is invalid or revoked',
    UNAUTHORIZED,
    [assertPersonFails(401, 'auth_error', 'invalid_token', 'The access token is invalid or revoked')],
  ),
  failing(
    'Attio rejection',
    'a 400 from Attio aborts the job (AbortedError) and never repeats the token, even when Attio echoes it',
    milestone,
    124,
    400,
    'Attio PUT /v2/objects/people/records failed (400 validation_type): token [redacted] cannot write this value',
    ABORTED,
    [assertPersonFails(400, 'invalid_request_error', 'validation_type', `token ${API_KEY} cannot write this value`)],
  ),
  {
    name: 'unknown person',
    description: 'a user known only by userId, whose identify may still arrive, is retryable (500)',
    attio: [findUser()],
    input: { request: { body: [{ message: youngUnknownUser(), metadata: metadata(131), destination: destination({ productObjects: 'auto' }) }] } },
    output: {
      response: {
        status: 200,
        body: [{ metadata: metadata(131), statusCode: 500, error: 'userId: no Attio user with this userId yet (its identify may still be on the way); retry later', statTags: RETRYABLE }],
      },
    },
  },
];

/** The lookup of `user-jane.doe` in the Users object, which finds nobody. */
function findUser(): PinnedRequest {
  return { method: 'POST', path: '/v2/objects/users/records/query', body: { filter: { user_id: 'user-jane.doe' }, limit: 1 }, status: 200, response: { data: [] } };
}

/** A milestone from a user without email, sent a minute ago (within the hour the core waits for an identify). */
function youngUnknownUser() {
  const at = new Date(Date.now() - 60_000).toISOString();
  return { ...trackMessage('msg-unknown-young', 'Integration Connected', 2), context: {}, originalTimestamp: at, sentAt: at, receivedAt: at, timestamp: at };
}



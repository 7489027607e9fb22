/**
 * The workspace gate every path asks before it writes (serve, RudderStack's config path, Segment's test
 * connection): one verdict from the workspace check, kept while it holds.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../../src/core/attio/index.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { WorkspaceGate } from '../../../src/core/setup/index.js';
import { ATTIO, KEY, plgWorkspace, serveWorkspace } from './workspace-fixture.js';

const client = () => createAttioConnection({ apiUrl: ATTIO, apiKey: KEY, retry: { maxAttempts: 1 } }).client;
const config = (input: Record<string, unknown> = {}) => parseConfig({ apiKey: KEY, ...input }, {});

afterEach(() => {
  nock.cleanAll();
});

describe('WorkspaceGate', () => {
  it('keeps a not-ready verdict for the schema cache TTL, then checks again', async () => {
    let now = 0;
    const reads = serveWorkspace(plgWorkspace());
    const gate = new WorkspaceGate(client(), config({ pqlStage: 'Qualified', schemaCacheTtlSeconds: 60 }), {
      now: () => now,
    });
    const verdict = await gate.verdict();
    expect(verdict).toMatchObject({
      state: 'not-ready',
      failure: { category: 'config', field: 'pqlStage', retryable: false },
    });
    expect(verdict.state === 'not-ready' && verdict.report.problems.map((p) => p.kind)).toEqual(['missing-stage']);
    const checks = () => reads.filter((path) => path === '/v2/self').length;
    now = 59_000;
    await gate.verdict();
    expect(checks()).toBe(1);
    now = 61_000;
    await gate.verdict();
    expect(checks()).toBe(2);
  });

  it('keeps a ready verdict for good, and callers at the same time share one check', async () => {
    let now = 0;
    const reads = serveWorkspace(plgWorkspace());
    const gate = new WorkspaceGate(client(), config(), { now: () => now });
    const verdicts = await Promise.all([gate.verdict(), gate.verdict()]);
    expect(verdicts.map((v) => v.state)).toEqual(['ready', 'ready']);
    now = 86_400_000;
    expect((await gate.verdict()).state).toBe('ready');
    expect(reads.filter((path) => path === '/v2/self')).toHaveLength(1);
  });

  it('a check Attio could not answer decides nothing and is tried again next time', async () => {
    nock(ATTIO)
      .get('/v2/self')
      .reply(503, { status_code: 503, type: 'api_error', code: 'unavailable', message: 'down' });
    const gate = new WorkspaceGate(client(), config({ pqlStage: 'Qualified' }));
    expect(await gate.verdict()).toMatchObject({ state: 'unchecked', error: { name: 'AttioError', status: 503 } });
    serveWorkspace(plgWorkspace());
    expect(await gate.verdict()).toMatchObject({
      state: 'not-ready',
      failure: { category: 'config', field: 'pqlStage' },
    });
  });

  it('a refused token is an authentication failure, told by the problem’s kind', async () => {
    nock(ATTIO)
      .get('/v2/self')
      .reply(401, { status_code: 401, type: 'auth_error', code: 'invalid_token', message: 'revoked' });
    const verdict = await new WorkspaceGate(client(), config()).verdict();
    expect(verdict).toMatchObject({
      state: 'not-ready',
      report: { problems: [{ kind: 'token-refused', subject: 'apiKey' }] },
      failure: {
        category: 'auth',
        status: 401,
        retryable: false,
        message: expect.stringContaining('apiKey: Attio refused the access token (401 invalid_token)'),
      },
    });
  });

  it('answers only for the problems a path counts: the rest leave the workspace ready', async () => {
    serveWorkspace(plgWorkspace());
    const gate = new WorkspaceGate(client(), config({ pqlStage: 'Qualified', salesReps: ['nobody@acme.test'] }), {
      counts: (p) => p.kind !== 'missing-stage',
    });
    const verdict = await gate.verdict();
    expect(verdict.state === 'not-ready' && verdict.report.problems.map((p) => [p.kind, p.subject])).toEqual([
      ['missing-owner', 'salesReps'],
    ]);
    nock.cleanAll();
    serveWorkspace(plgWorkspace());
    const lenient = new WorkspaceGate(client(), config({ pqlStage: 'Qualified' }), {
      counts: (p) => p.kind !== 'missing-stage',
    });
    expect(await lenient.verdict()).toMatchObject({ state: 'ready', report: { ready: true, problems: [] } });
  });
});

/**
 * Every request `setup` sends — the reads of the check and each create of a new workspace's plan — against
 * Attio's OpenAPI document, together with the answers the unit tests give it.
 */
import { describe, expect, it } from 'vitest';
import { AttioClient, type AttioRequest, type Transport } from '../../../src/core/attio/index.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { applyPlan, inspectWorkspace } from '../../../src/core/setup/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE } from '../../support/openapi.js';
import * as f from '../attio/fixtures.js';
import { KEY, newWorkspace, workspaceRoutes } from './workspace-fixture.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

const CREATED: Array<[RegExp, unknown]> = [
  [/^\/v2\/lists$/, { data: f.list }],
  [/\/options$/, { data: f.option }],
  [/\/statuses$/, { data: f.status }],
  [/\/attributes$/, { data: f.attribute }],
];

describe.skipIf(!openApi)('setup’s requests against Attio’s OpenAPI document', () => {
  it('the check’s reads and every create of a new workspace’s plan are requests the document accepts', async () => {
    const routes = workspaceRoutes(newWorkspace());
    const sent: AttioRequest[] = [];
    const answers: Array<{ method: string; path: string; body: unknown }> = [];
    const transport: Transport = {
      async send(request) {
        sent.push(request);
        const body =
          request.method === 'GET'
            ? routes.get(request.path)
            : CREATED.find(([pattern]) => pattern.test(request.path))?.[1];
        answers.push({ method: request.method, path: request.path, body });
        return { status: body === undefined ? 404 : 200, headers: {}, body };
      },
    };
    const client = new AttioClient(transport);
    const { plan } = await inspectWorkspace(client, parseConfig({ apiKey: KEY }, {}));
    const results = await applyPlan(client, plan ?? { items: [] });
    expect(results.length).toBeGreaterThan(30);
    expect(results.every((r) => r.outcome === 'created')).toBe(true);
    expect(
      new Set(
        sent
          .filter((r) => r.method === 'POST')
          .map((r) =>
            r.path.replace(
              /\/(people|companies|deals|active_trials|pql_queue|plan_type|pql_tier|milestones_completed|stage)(?=\/|$)/g,
              '/{x}',
            ),
          ),
      ),
    ).toEqual(
      new Set([
        '/v2/objects/{x}/attributes',
        '/v2/objects/{x}/attributes/{x}/options',
        '/v2/objects/{x}/attributes/{x}/statuses',
        '/v2/lists',
        '/v2/lists/{x}/attributes',
      ]),
    );
    const problems = sent.flatMap((request) => {
      const query = Object.fromEntries(
        Object.entries(request.query ?? {}).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
      );
      return openApi!.validateRequest({ ...request, query }).map((p) => `${request.method} ${request.path}: ${p}`);
    });
    const answerProblems = answers.flatMap((a) =>
      openApi!.validateResponse({ ...a, status: 200 }).map((p) => `${a.method} ${a.path} answer: ${p}`),
    );
    expect([...problems, ...answerProblems]).toEqual([]);
  });
});

/**
 * The RudderStack destination under the CLI's model of rudder-server (src/simulators/rudder-server) against the
 * emulator with Attio's rate limit and failures on: a generated PLG month ends in the CRM of a fault-free
 * run, with the writes rudder-server delivered itself; every router answer passes rudder-transformer's
 * response schemas and names each jobId once; every processor answer passes its schema too. The bad-input
 * corpus through the same model: every job aborted with its field named, no request to Attio.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rudderstackDelivery } from '../../src/cli/rudderstack-delivery.js';
import { replayFile } from '../../src/cli/replay.js';
import type { JobOutcome } from '../../src/simulators/rudder-server/router.js';
import type { RouterTransformRequest } from '../../src/simulators/rudder-transformer.js';
import { processorTransformService } from '../../src/simulators/rudder-transformer.js';
import { operatorEnvFor, toRudderConfig } from '../../src/destinations/rudderstack/config.js';
import { process, processRouterDest, withTransformerEnv } from '../../src/destinations/rudderstack/index.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { workflowOf } from '../../src/mapping/map-event.js';
import {
  expectRouterOutput,
  processorSchemaProblems,
  routerSchemaProblems,
} from '../support/rudder-transformer-schemas.js';
import { BAD_INPUT_CASES } from './bad-input-corpus.js';
import {
  EMULATOR_RATE_LIMIT,
  TEST_ROUTER_TIMING,
  comparable,
  configFor,
  crmOf,
  faultCounts,
  followUpsLinkDealPeople,
  writeStream,
} from '../support/reliability.js';

const FAULTS = '429=0.05,503=0.05,reset=0.02,after-commit-502=0.03,seed=7';
const stream = writeStream();
const emulators: EmulatorHandle[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function attio(options: Parameters<typeof startEmulator>[0] = {}): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ seed: 'plg-demo', ...options });
  emulators.push(emulator);
  return emulator;
}

/** Everything the model saw: each transform request with its answer. */
function recorder() {
  const exchanges: Array<{ request: RouterTransformRequest; output: unknown[] }> = [];
  return {
    exchanges,
    observe: (request: RouterTransformRequest, response: unknown) => {
      exchanges.push({ request, output: ((response as { output?: unknown[] }).output ?? []) as unknown[] });
    },
  };
}

let destinations = 0;
async function replayThroughModel(emulator: EmulatorHandle) {
  const config = configFor(emulator);
  const { exchanges, observe } = recorder();
  const delivery = rudderstackDelivery(config, {
    destinationId: `model-${++destinations}`,
    timing: TEST_ROUTER_TIMING,
    observe,
  });
  const summary = await replayFile({ file: stream.file, delivery, config, concurrency: 4, batchSize: 50 });
  return { summary, exchanges, violations: delivery.router.contractViolations };
}

/** Requests the transformer handed to rudder-server, over every 200 entry it answered. */
function handedOver(exchanges: ReturnType<typeof recorder>['exchanges']): number {
  return exchanges
    .flatMap(({ output }) => output as Array<{ statusCode?: number; batchedRequest?: unknown }>)
    .filter((entry) => entry.statusCode === 200)
    .flatMap((entry) => (Array.isArray(entry.batchedRequest) ? entry.batchedRequest : [entry.batchedRequest])).length;
}

describe('the RudderStack destination under rudder-server (the CLI’s model)', () => {
  it('a PLG month under 429, 503, resets, after-commit 502s and the rate limit ends in the CRM of a fault-free run; every answer keeps the contract', async () => {
    const clean = await attio();
    const baseline = await replayThroughModel(clean);
    expect(baseline.summary.failed).toBe(0);
    const expected = await crmOf(clean);
    expect(expected.people.length).toBeGreaterThan(10);
    expect(expected.deals.length).toBeGreaterThan(0);
    expect(expected.tasks.length).toBeGreaterThan(0);
    expect(expected.notes.length).toBeGreaterThan(0);

    const faulty = await attio({ rateLimit: EMULATOR_RATE_LIMIT, faults: FAULTS });
    const run = await replayThroughModel(faulty);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.rejected).toBe(baseline.summary.rejected);
    const faults = faultCounts(faulty.requests);
    for (const kind of ['429', '503', 'reset', 'after-commit-502']) expect(faults[kind] ?? 0, kind).toBeGreaterThan(0);
    const crm = await crmOf(faulty);
    expect(comparable(crm)).toEqual(comparable(expected));
    expect(followUpsLinkDealPeople(crm)).toBe(true);

    for (const { exchanges, violations } of [baseline, run]) {
      expect(violations).toEqual([]);
      expect(exchanges.flatMap(({ output }) => routerSchemaProblems(output))).toEqual([]);
      for (const { request, output } of exchanges) expectRouterOutput(request.input, output);
      // The transformer leaves writes to rudder-server: delivered by the model, retried by transforming again.
      expect(handedOver(exchanges)).toBeGreaterThan(0);
    }
    // Retries happened, and a retried job was transformed again with its attempt number.
    expect(
      run.exchanges.some(({ request }) => request.input.some((input) => Number(input.metadata['attemptNum']) > 0)),
    ).toBe(true);
  }, 240_000);

  it('the processor stage: every answer of process() for the month, under faults, passes the processor response schema (untracked events as InstrumentationErrors)', async () => {
    const faulty = await attio({ rateLimit: EMULATOR_RATE_LIMIT, faults: FAULTS.replace('seed=7', 'seed=8') });
    const config = configFor(faulty);
    const destination = { ID: 'model-processor', Config: toRudderConfig(config) };
    const transform = processorTransformService({ process, processRouterDest }, (work) =>
      withTransformerEnv(operatorEnvFor(config), work),
    );
    const events = stream.events.map(({ event }, index) => ({
      message: event,
      metadata: { jobId: index + 1, destinationId: destination.ID, workspaceId: 'ws' },
      destination,
    }));
    const answers: unknown[] = [];
    for (let i = 0; i < events.length; i += 20)
      answers.push(...(await transform('attio_plg', events.slice(i, i + 20))));
    expect(processorSchemaProblems(answers)).toEqual([]);
    // The events the tracking plan ignores are 400s that say so (the processor route cannot answer 298 with an output).
    const isUntrackedAnswer = (answer: unknown) =>
      (answer as { statusCode: number }).statusCode === 400 &&
      / is not in the tracking plan/.test((answer as { error?: string }).error ?? '');
    const filteredJobs = answers
      .filter(isUntrackedAnswer)
      .map((answer) => (answer as { metadata: { jobId: number } }).metadata.jobId);
    expect(filteredJobs.length).toBeGreaterThan(0);
    for (const jobId of filteredJobs)
      expect(workflowOf(stream.events[jobId - 1]?.event, config), `job ${jobId}`).toBe('untracked');
    // Entries carry their event's metadata; an invalid event gets exactly one, a 400 naming its field.
    const entriesOf = (jobId: number) =>
      answers.filter((answer) => (answer as { metadata: { jobId: number } }).metadata.jobId === jobId) as Array<{
        statusCode: number;
        error?: string;
      }>;
    expect(
      answers.every((answer) =>
        events.some((event) => event.metadata.jobId === (answer as { metadata: { jobId: number } }).metadata.jobId),
      ),
    ).toBe(true);
    const invalid = stream.events.flatMap((labelled, index) =>
      labelled.expect === 'invalid' ? [{ jobId: index + 1, field: labelled.field ?? '' }] : [],
    );
    expect(invalid.length).toBeGreaterThan(0);
    for (const { jobId, field } of invalid) {
      const entries = entriesOf(jobId);
      expect(
        entries.map((entry) => entry.statusCode),
        `job ${jobId}`,
      ).toEqual([400]);
      expect(entries[0]?.error?.startsWith(`${field}: `), `job ${jobId}: ${entries[0]?.error}`).toBe(true);
    }
  }, 240_000);

  it('the bad-input corpus: every job aborted with an InstrumentationError naming its field, and no request to Attio', async () => {
    const emulator = await attio();
    const { exchanges, observe } = recorder();
    const delivery = rudderstackDelivery(configFor(emulator), {
      destinationId: 'model-bad-input',
      timing: TEST_ROUTER_TIMING,
      observe,
    });
    // One job per pickup: many cases share a messageId, which the transformer would apply once per batch.
    const outcomes: JobOutcome[] = [];
    for (const c of BAD_INPUT_CASES) outcomes.push(...(await delivery.router.route([c.event])));
    BAD_INPUT_CASES.forEach((c, index) => {
      expect(outcomes[index], c.name).toMatchObject({
        state: 'aborted',
        statusCode: 400,
        errorType: 'instrumentation',
        attempts: 1,
      });
      expect(outcomes[index]?.reason.startsWith(`${c.field}: `), `${c.name}: ${outcomes[index]?.reason}`).toBe(true);
    });
    expect(emulator.requests).toEqual([]);
    expect(exchanges.flatMap(({ output }) => routerSchemaProblems(output))).toEqual([]);
    expect(delivery.router.contractViolations).toEqual([]);
  });
});

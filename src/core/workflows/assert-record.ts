/**
 * assertRecord (parity with Segment's Attio destination): upsert a record of any object on a unique
 * attribute chosen by the user, with values checked against the workspace schema. The assert is deferred
 * like the lane's other record asserts — nothing later needs its result — so it lands in event order with
 * them (a workspace's extra attributes after the workspace the same group call asserts).
 */
import { attioRequests } from '../attio/requests.js';
import { ConfigError, InvalidEventError } from '../errors.js';
import type { WorkflowRun } from './context.js';

export interface AssertRecordIntent {
  kind: 'assertRecord';
  object: string;
  matchingAttribute: string;
  values: Record<string, unknown[]>;
}

export async function runAssertRecord(intent: AssertRecordIntent, run: WorkflowRun): Promise<void> {
  const { ctx } = run;
  const attributes = await ctx.schema.attributes(intent.object);
  if (attributes.size === 0)
    throw new ConfigError('object', `object "${intent.object}" does not exist in this Attio workspace`);
  const matching = attributes.get(intent.matchingAttribute);
  if (!matching?.is_unique) {
    const unique = [...attributes.values()].filter((a) => a.is_unique).map((a) => a.api_slug);
    throw new ConfigError(
      'matchingAttribute',
      `"${intent.matchingAttribute}" is not a unique attribute of ${intent.object}; unique attributes: ${unique.join(', ')}`,
    );
  }
  if (!intent.values[intent.matchingAttribute]?.length) {
    throw new InvalidEventError(`values.${intent.matchingAttribute}`, 'the matching attribute needs a value');
  }
  const prepared = await run.prepare(intent.object, intent.values);
  run.defer(
    {
      request: attioRequests.assertRecord(intent.object, intent.matchingAttribute, prepared),
      stage: 'asserts',
      op: 'assertRecord',
    },
    undefined,
    intent.object,
  );
}

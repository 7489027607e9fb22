/**
 * assertRecord (parity with Segment's Attio destination): upsert a record of any object on a unique
 * attribute chosen by the user, with values checked against the workspace schema.
 */
import { ConfigError, InvalidEventError } from '../errors.js';
import { recordIdOf } from '../attio/values.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';

export interface AssertRecordIntent {
  kind: 'assertRecord';
  object: string;
  matchingAttribute: string;
  values: Record<string, unknown[]>;
}

export async function runAssertRecord(intent: AssertRecordIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('assertRecord', ctx);
  const attributes = await ctx.schema.attributes(intent.object);
  if (attributes.size === 0) throw new ConfigError('object', `object "${intent.object}" does not exist in this Attio workspace`);
  const matching = attributes.get(intent.matchingAttribute);
  if (!matching?.is_unique) {
    const unique = [...attributes.values()].filter((a) => a.is_unique).map((a) => a.api_slug);
    throw new ConfigError('matchingAttribute', `"${intent.matchingAttribute}" is not a unique attribute of ${intent.object}; unique attributes: ${unique.join(', ')}`);
  }
  if (!intent.values[intent.matchingAttribute]?.length) {
    throw new InvalidEventError(`values.${intent.matchingAttribute}`, 'the matching attribute needs a value');
  }
  const prepared = await run.prepare(intent.object, intent.values);
  const record = await ctx.client.assertRecord(intent.object, intent.matchingAttribute, prepared);
  run.step('assertRecord', 'asserted', recordIdOf(record), intent.object);
  return run.outcome();
}

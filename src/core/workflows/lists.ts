import { ConfigError } from '../errors.js';
import type { WorkflowRun } from './context.js';

/**
 * Asserts the person's entry in a configured list (one entry per person, however often it runs). A list
 * missing from the workspace is a warning and a skipped step — a ConfigError in strict mode.
 */
export async function assertListEntry(run: WorkflowRun, setting: 'trialList' | 'pqlList', personId: string): Promise<void> {
  const slug = run.ctx.config[setting];
  const list = await run.ctx.schema.findList(slug);
  if (!list) {
    const available = (await run.ctx.schema.lists()).map((l) => l.api_slug);
    const reason = `list "${slug}" does not exist in this Attio workspace; lists: ${available.join(', ') || '(none)'}`;
    if (run.ctx.config.strict) throw new ConfigError(setting, reason);
    run.warn(`${setting}: ${reason}; the entry was skipped`);
    run.step(`add to ${setting}`, 'skipped');
    return;
  }
  const entry = await run.ctx.client.assertEntry(list.api_slug, { parentObject: 'people', parentRecordId: personId });
  run.step(`add to ${setting}`, 'asserted', entry.id.entry_id, list.api_slug);
}

/**
 * A person's entry in a configured list (the trial and PQL lists): one per person however often it runs.
 * The entry assert is deferred — nothing later needs its result — and skipped when the person is already on
 * the list (read once per lane with the person's other entries), so its values (when the trial started, the
 * score the person qualified with) are those of the event that put them there. A list missing from the workspace is a
 * warning and a skipped step — a ConfigError in strict mode.
 */
import { attioRequests } from '../attio/requests.js';
import { ConfigError } from '../errors.js';
import type { WorkflowRun } from './context.js';
import { personIdOf } from './people.js';
import type { PersonState } from './person-state.js';

export async function ensureListEntry(
  run: WorkflowRun,
  setting: 'trialList' | 'pqlList',
  state: PersonState,
  entryValues: Record<string, unknown[]> = {},
): Promise<void> {
  const slug = run.ctx.config[setting];
  const list = await run.ctx.schema.findList(slug);
  const step = `add to ${setting}`;
  if (!list) {
    const available = (await run.ctx.schema.lists()).map((l) => l.api_slug);
    const reason = `list "${slug}" does not exist in this Attio workspace; lists: ${available.join(', ') || '(none)'}`;
    if (run.ctx.config.strict) throw new ConfigError(setting, reason);
    run.warn(`${setting}: ${reason}; the entry was skipped`);
    run.step(step, 'skipped');
    return;
  }
  const personId = await personIdOf(run, state);
  const lists = await listsOf(run, state, personId);
  if (lists.has(list.id.list_id) || lists.has(list.api_slug)) {
    run.step(step, 'found', undefined, list.api_slug);
    return;
  }
  lists.add(list.id.list_id).add(list.api_slug);
  const prepared = await run.prepareEntry(list.api_slug, entryValues);
  run.defer(
    {
      request: attioRequests.assertEntry(list.api_slug, {
        parentObject: 'people',
        parentRecordId: personId,
        entryValues: prepared,
      }),
      stage: 'asserts',
      op: step,
    },
    undefined,
    list.api_slug,
  );
}

/** The lists the person is on: read once per lane (none for a person created in this lane). */
async function listsOf(run: WorkflowRun, state: PersonState, personId: string): Promise<Set<string>> {
  if (state.lists) return state.lists;
  const entries = await run.ctx.client.listRecordEntries('people', personId);
  state.lists = new Set(entries.flatMap((e) => [e.list_id, e.list_api_slug]));
  return state.lists;
}

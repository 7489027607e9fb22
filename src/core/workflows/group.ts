/**
 * groupWorkspace: the company by its website's domain (with the account score when the group carries usage
 * signals), the product workspace record when the workspace has that object, and the calling person linked
 * to the company. The company is asserted only when something of it changes; the workspace record is
 * compared with what Attio holds and asserted (a deferred write) only when it differs.
 */
import { attioRequests } from '../attio/requests.js';
import { readRecordRef, readText, recordIdOf, values } from '../attio/values.js';
import { isPersonalDomain } from '../domains/index.js';
import { InvalidEventError } from '../errors.js';
import type { GroupIntent } from '../intents.js';
import { scoreSignals } from '../scoring/index.js';
import { accountScoringOn, groupAccountFacts, rollUpGroupAccount } from './account.js';
import type { WorkflowRun } from './context.js';
import { companyRef, ensureCompany, personOf, productObjectEnabled, type CompanyValues } from './people.js';
import { heldByReps } from './ownership.js';
import type { CachedWorkspace } from './record-caches.js';

export async function runGroup(intent: GroupIntent, run: WorkflowRun): Promise<void> {
  const { config } = run.ctx;
  let domain = intent.company.domain;
  if (
    domain !== undefined &&
    config.personalDomains === 'skip-company' &&
    isPersonalDomain(domain, config.extraPersonalDomains)
  ) {
    run.warn(`group website is a free-mail domain; no company is created for it`);
    domain = undefined;
  }
  const workspaces = await productObjectEnabled(run, 'workspaces');
  if (domain === undefined && !workspaces) {
    throw new InvalidEventError(
      'traits.website',
      'a group needs a company website or domain (or the Attio Workspaces object enabled)',
    );
  }
  const accountScore =
    Object.keys(intent.signals).length > 0
      ? scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold).score
      : undefined;
  // With accounts scored, what the group says of the account goes out with the company's own values, in one
  // write; the roll-up then writes only the account's score, when it changes (./account.ts).
  const companyId =
    domain === undefined
      ? undefined
      : await ensureCompany(
          run,
          domain,
          {
            name: intent.company.name,
            plan: intent.company.plan,
            pqlScore: accountScore,
            ...(accountScoringOn(config) ? accountValues(intent) : {}),
          },
          intent.timestamp,
        );

  if (workspaces) await ensureWorkspace(run, intent.groupId, intent.company.name, companyId);
  if (companyId !== undefined && intent.person) {
    const state = await personOf(run, intent.person, intent.timestamp);
    state.set('companyId', companyId, intent.timestamp);
    run.step('linkPersonToCompany', 'deferred', state.id);
  }
  if (companyId !== undefined && accountScoringOn(config)) await rollUpGroupAccount(run, companyId, intent);
}

/** The account's fit facts and the group's own signals, as the company holds them. */
function accountValues(intent: GroupIntent): CompanyValues {
  const { facts, report } = groupAccountFacts(intent);
  return { ...facts, ...(report === undefined ? {} : { report }) };
}

/** The workspace record as this group call describes it: a deferred assert, unless Attio already holds it. */
async function ensureWorkspace(
  run: WorkflowRun,
  workspaceId: string,
  name: string | undefined,
  companyId: string | undefined,
): Promise<void> {
  const { client, records } = run.ctx;
  let known = records.workspaces.get(workspaceId);
  if (known === undefined) {
    const [record] = await client.queryRecords('workspaces', { filter: { workspace_id: workspaceId }, limit: 1 });
    if (record) records.workspaces.set(workspaceId, (known = workspaceFacts(run, record)));
  }
  // What a rep wrote last of the workspace stays as they wrote it (docs/ownership.md).
  if (known?.heldByReps?.includes('name')) name = undefined;
  if (known?.heldByReps?.includes('company')) companyId = undefined;
  if (
    known &&
    (name === undefined || known.name === name) &&
    (companyId === undefined || known.companyId === companyId)
  ) {
    run.step('assertWorkspace', 'unchanged', known.id);
    return;
  }
  const prepared = await run.prepare(
    'workspaces',
    values({ workspace_id: workspaceId, name, company: companyId ? companyRef(companyId) : undefined }),
  );
  run.defer(
    {
      request: attioRequests.assertRecord('workspaces', 'workspace_id', prepared),
      stage: 'asserts',
      op: 'assertWorkspace',
      onSent: (data) =>
        records.workspaces.set(workspaceId, workspaceFacts(run, data as Parameters<typeof workspaceFacts>[1])),
    },
    known?.id,
  );
  // Until this process sees it land, what Attio holds is unknown: the next group call reads it again.
  records.workspaces.delete(workspaceId);
}

function workspaceFacts(run: WorkflowRun, record: Parameters<typeof recordIdOf>[0]): CachedWorkspace {
  const held = [...heldByReps(run.ctx.config, 'workspaces', record)].filter((a) => a === 'name' || a === 'company');
  const name = readText(record, 'name');
  const companyId = readRecordRef(record, 'company');
  return {
    id: recordIdOf(record),
    ...(name === undefined ? {} : { name }),
    ...(companyId === undefined ? {} : { companyId }),
    ...(held.length === 0 ? {} : { heldByReps: held }),
  };
}

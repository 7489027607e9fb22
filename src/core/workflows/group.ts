/**
 * groupWorkspace: assert the company by its website's domain (with the account score when the group carries
 * usage signals), the product workspace record when the workspace has that object, and link the calling
 * person to the company.
 */
import { recordIdOf, values } from '../attio/values.js';
import { isPersonalDomain } from '../domains/index.js';
import { InvalidEventError } from '../errors.js';
import type { GroupIntent } from '../intents.js';
import { scoreSignals } from '../scoring/index.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { assertCompany, companyRef, productObjectEnabled, resolvePerson } from './people.js';

export async function runGroup(intent: GroupIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('group', ctx);
  const { config } = ctx;
  let domain = intent.company.domain;
  if (domain !== undefined && config.personalDomains === 'skip-company' && isPersonalDomain(domain, config.extraPersonalDomains)) {
    run.warn(`group website is a free-mail domain; no company is created for it`);
    domain = undefined;
  }
  const workspaces = await productObjectEnabled(run, 'workspaces');
  if (domain === undefined && !workspaces) {
    throw new InvalidEventError('traits.website', 'a group needs a company website or domain (or the Attio Workspaces object enabled)');
  }
  const accountScore = Object.keys(intent.signals).length > 0 ? scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold).score : undefined;
  const company =
    domain === undefined
      ? undefined
      : await assertCompany(run, domain, { name: intent.company.name, plan_type: intent.company.plan, pql_score: accountScore });

  if (workspaces) {
    const prepared = await run.prepare(
      'workspaces',
      values({ workspace_id: intent.groupId, name: intent.company.name, company: company ? companyRef(recordIdOf(company)) : undefined }),
    );
    const workspace = await ctx.client.assertRecord('workspaces', 'workspace_id', prepared);
    run.step('assertWorkspace', 'asserted', recordIdOf(workspace));
  }
  if (company && intent.person) {
    const person = await resolvePerson(run, intent.person, intent.timestamp, { company: companyRef(recordIdOf(company)) });
    run.step('linkPersonToCompany', 'updated', recordIdOf(person));
  }
  return run.outcome();
}

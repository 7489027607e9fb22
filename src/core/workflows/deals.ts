/**
 * One deal per (workflow, account). Attio's standard deals have no unique attribute, so the connector keys
 * them itself: on a unique deal key attribute when the workspace has one (`dealMatchingAttribute`, else the
 * `plg_deal_key` that `attio-plg setup` creates) — Attio then refuses a second deal with the same key, so
 * concurrent processes converge on one — and otherwise by the account's deals named `<prefix> - ...`,
 * converged after creating (./converge.ts). A person joins the deal's people with a deferred PATCH (it only
 * appends); the deal's stage, owner and value are set once, when it is created, and never overwritten, so a
 * deal a rep moved stays where they put it.
 */
import { AttioError } from '../attio/errors.js';
import { attioRequests } from '../attio/requests.js';
import type { AttioRecord } from '../attio/schemas.js';
import { readRecordRefs, readText, recordIdOf, values } from '../attio/values.js';
import type { WorkflowContext, WorkflowRun } from './context.js';
import { ensureOne } from './converge.js';
import { touchedByMember } from './ownership.js';
import { companyRef, personRef } from './people.js';

/** The unique deal attribute `attio-plg setup` creates; used whenever the workspace has it. */
export const DEAL_KEY_ATTRIBUTE = 'plg_deal_key';

export interface DealSpec {
  /** `PQL` or `Enterprise Upgrade`: the name is `<prefix> - <account name>`. */
  prefix: string;
  accountName: string;
  /** The deal belongs to this company, or to the person alone when there is none. */
  companyId?: string;
  personId: string;
  stage: string;
  /** The setting the stage came from, named in the error when it is not a valid stage. */
  stageSetting: string;
  ownerEmail: string;
  value?: number;
}

export function dealName(spec: Pick<DealSpec, 'prefix' | 'accountName'>): string {
  return `${spec.prefix} - ${spec.accountName}`;
}

/** Stable per (workflow, account): the value written to the deal key attribute. */
export function dealKey(spec: Pick<DealSpec, 'prefix' | 'companyId' | 'personId'>): string {
  const account = spec.companyId ? `company:${spec.companyId}` : `person:${spec.personId}`;
  return `${spec.prefix.toLowerCase().replace(/\s+/g, '-')}:${account}`;
}

/** The unique attribute deals are keyed on: the configured one, else `plg_deal_key` when it exists and is unique. */
export async function dealKeyAttribute(run: {
  ctx: Pick<WorkflowContext, 'config' | 'schema'>;
}): Promise<string | undefined> {
  const { config, schema } = run.ctx;
  if (config.dealMatchingAttribute) return config.dealMatchingAttribute;
  const attribute = (await schema.attributes('deals')).get(DEAL_KEY_ATTRIBUTE);
  return attribute?.is_unique === true ? DEAL_KEY_ATTRIBUTE : undefined;
}

/** The account's deal for this workflow, created if missing; the person is added to its people if not there. */
export async function findOrCreateDeal(run: WorkflowRun, spec: DealSpec): Promise<AttioRecord> {
  const keyAttribute = await dealKeyAttribute(run);
  const op = spec.prefix.replace(/\s+/g, '');
  const { deal, created } =
    keyAttribute === undefined ? await convergeDeal(run, spec) : await keyedDeal(run, spec, keyAttribute);
  run.step(
    created ? `create${op}Deal` : `find${op}Deal`,
    created ? 'created' : 'found',
    recordIdOf(deal),
    created ? dealName(spec) : undefined,
  );
  if (!created) addPersonToDeal(run, deal, spec.personId);
  return deal;
}

async function keyedDeal(
  run: WorkflowRun,
  spec: DealSpec,
  keyAttribute: string,
): Promise<{ deal: AttioRecord; created: boolean }> {
  const find = async () =>
    (await run.ctx.client.queryRecords('deals', { filter: { [keyAttribute]: dealKey(spec) }, limit: 1 }))[0];
  const existing = await find();
  if (existing) return { deal: existing, created: false };
  try {
    return { deal: await createDeal(run, spec, keyAttribute), created: true };
  } catch (error) {
    // Another process created it between our look-up and our create: the unique key makes that visible.
    if (!(error instanceof AttioError && error.code === 'uniqueness_conflict')) throw error;
    const raced = await find();
    if (!raced) throw error;
    return { deal: raced, created: false };
  }
}

/** Without a unique key: the account's deals named `<prefix> - ...` that no person made, converged to one. */
async function convergeDeal(run: WorkflowRun, spec: DealSpec): Promise<{ deal: AttioRecord; created: boolean }> {
  const { client } = run.ctx;
  const filter = spec.companyId
    ? { associated_company: companyRef(spec.companyId) }
    : { associated_people: personRef(spec.personId) };
  const asCandidate = (deal: AttioRecord) => ({ id: recordIdOf(deal), createdAt: deal.created_at, deal });
  const result = await ensureOne({
    list: async () => {
      const deals = [];
      for await (const deal of client.queryAllRecords('deals', { filter }, 100)) {
        if ((readText(deal, 'name') ?? '').startsWith(`${spec.prefix} - `) && !madeByMember(deal))
          deals.push(asCandidate(deal));
      }
      return deals;
    },
    create: async () => asCandidate(await createDeal(run, spec, undefined)),
    remove: async (candidate) => {
      // A duplicate a rep has already worked on (moved, re-assigned) is theirs now: it stays (docs/ownership.md).
      if (touchedByMember(candidate.deal)) {
        run.step('deleteDuplicateDeal', 'skipped', candidate.id, 'a rep has worked on it');
        return false;
      }
      const deleted = await client.deleteRecord('deals', candidate.id);
      run.step('deleteDuplicateDeal', 'deleted', candidate.id, dealName(spec));
      return deleted;
    },
  });
  return { deal: result.winner.deal, created: result.created };
}

function madeByMember(deal: AttioRecord): boolean {
  return deal.values.created_by?.[0]?.referenced_actor_type === 'workspace-member';
}

async function createDeal(run: WorkflowRun, spec: DealSpec, keyAttribute: string | undefined): Promise<AttioRecord> {
  const prepared = await run.prepare(
    'deals',
    values({
      name: dealName(spec),
      stage: spec.stage,
      owner: { workspace_member_email_address: spec.ownerEmail },
      value: spec.value,
      associated_company: spec.companyId ? companyRef(spec.companyId) : undefined,
      associated_people: personRef(spec.personId),
      ...(keyAttribute ? { [keyAttribute]: dealKey(spec) } : {}),
    }),
    spec.stageSetting,
  );
  return run.ctx.client.createRecord('deals', prepared);
}

/** Adds the person to the deal's people (a deferred PATCH, merged with the lane's other additions to it). */
function addPersonToDeal(run: WorkflowRun, deal: AttioRecord, personId: string): void {
  if (readRecordRefs(deal, 'associated_people').includes(personId)) return;
  run.defer(
    {
      request: attioRequests.updateRecord('deals', recordIdOf(deal), { associated_people: [personRef(personId)] }),
      stage: 'account',
      op: 'addPersonToDeal',
      appendOnly: true,
    },
    recordIdOf(deal),
  );
}

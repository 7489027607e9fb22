/**
 * Deals have no unique attribute in Attio, so the connector finds before it creates: by the configured
 * `dealMatchingAttribute` (a stable key per account, enforced unique by Attio), else by the account's deals
 * whose name starts with the workflow's prefix. One in-process lock per account closes the race between
 * concurrent events; the unique attribute closes it across processes.
 */
import { AttioError } from '../attio/errors.js';
import type { AttioRecord } from '../attio/schemas.js';
import { readRecordRefs, readText, recordIdOf, values } from '../attio/values.js';
import type { WorkflowRun } from './context.js';
import { companyRef, personRef } from './people.js';

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

export interface DealResult {
  deal: AttioRecord;
  created: boolean;
}

export function dealName(spec: Pick<DealSpec, 'prefix' | 'accountName'>): string {
  return `${spec.prefix} - ${spec.accountName}`;
}

/** Stable per (workflow, account): the value written to `dealMatchingAttribute`. */
function matchKey(spec: DealSpec): string {
  const account = spec.companyId ? `company:${spec.companyId}` : `person:${spec.personId}`;
  return `${spec.prefix.toLowerCase().replace(/\s+/g, '-')}:${account}`;
}

export async function findDeal(run: WorkflowRun, spec: DealSpec): Promise<AttioRecord | undefined> {
  const { client, config } = run.ctx;
  if (config.dealMatchingAttribute) {
    const [deal] = await client.queryRecords('deals', { filter: { [config.dealMatchingAttribute]: matchKey(spec) }, limit: 1 });
    return deal;
  }
  const filter = spec.companyId
    ? { associated_company: companyRef(spec.companyId) }
    : { associated_people: personRef(spec.personId) };
  for await (const deal of client.queryAllRecords('deals', { filter, sorts: [{ attribute: 'created_at', direction: 'asc' }] }, 100)) {
    const name = readText(deal, 'name') ?? '';
    if (name.startsWith(`${spec.prefix} - `)) return deal;
  }
  return undefined;
}

async function createDeal(run: WorkflowRun, spec: DealSpec): Promise<AttioRecord> {
  const { config } = run.ctx;
  const prepared = await run.prepare(
    'deals',
    values({
      name: dealName(spec),
      stage: spec.stage,
      owner: { workspace_member_email_address: spec.ownerEmail },
      value: spec.value,
      associated_company: spec.companyId ? companyRef(spec.companyId) : undefined,
      associated_people: personRef(spec.personId),
      ...(config.dealMatchingAttribute ? { [config.dealMatchingAttribute]: matchKey(spec) } : {}),
    }),
    spec.stageSetting,
  );
  return run.ctx.client.createRecord('deals', prepared);
}

/** The account's deal for this workflow, created if missing; the person is added to it if not yet there. */
export async function findOrCreateDeal(run: WorkflowRun, spec: DealSpec): Promise<DealResult> {
  const existing = await findDeal(run, spec);
  if (existing) {
    run.step(`find${spec.prefix.replace(/\s+/g, '')}Deal`, 'found', recordIdOf(existing));
    return { deal: await addPersonToDeal(run, existing, spec.personId), created: false };
  }
  try {
    const deal = await createDeal(run, spec);
    run.step(`create${spec.prefix.replace(/\s+/g, '')}Deal`, 'created', recordIdOf(deal), dealName(spec));
    return { deal, created: true };
  } catch (error) {
    // Another process created it between our look-up and create: the unique key makes that visible.
    if (error instanceof AttioError && error.code === 'uniqueness_conflict' && run.ctx.config.dealMatchingAttribute) {
      const raced = await findDeal(run, spec);
      if (raced) return { deal: await addPersonToDeal(run, raced, spec.personId), created: false };
    }
    throw error;
  }
}

async function addPersonToDeal(run: WorkflowRun, deal: AttioRecord, personId: string): Promise<AttioRecord> {
  if (readRecordRefs(deal, 'associated_people').includes(personId)) return deal;
  const updated = await run.ctx.client.updateRecord('deals', recordIdOf(deal), { associated_people: [personRef(personId)] });
  run.step('addPersonToDeal', 'updated', recordIdOf(deal));
  return updated;
}

/**
 * Reads the CRM back from Attio and renders what a sales team now has: people, companies, deals by stage,
 * list sizes, tasks per rep, notes by title, the top PQLs with their score explanations, and — when accounts
 * are scored — the accounts by tier and the first to qualify, with theirs.
 */
import type { AttioClient } from '../core/attio/client.js';
import type { AttioRecord } from '../core/attio/schemas.js';
import {
  readEmails,
  readFullName,
  readNumber,
  readRecordRef,
  readSelectTitles,
  readText,
  readDomains,
} from '../core/attio/values.js';

export interface CrmSnapshot {
  people: number;
  companies: number;
  dealsByStage: Record<string, number>;
  listSizes: Record<string, number>;
  tasks: number;
  notes: number;
  tasksByRep: Record<string, number>;
  notesByTitle: Record<string, number>;
  topPqls: Array<{ name: string; email: string; company?: string; score: number; tier?: string; explanation?: string }>;
  /** Companies by account tier, when the workflows score accounts. */
  accountTiers: Record<string, number>;
  /** The first accounts to qualify (PQA), in the order they qualified. */
  qualifiedAccounts: Array<{
    name: string;
    domain?: string;
    score: number;
    tier?: string;
    qualifiedAt: string;
    explanation?: string;
  }>;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function tally(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
}

export async function readCrm(client: AttioClient, topN = 5): Promise<CrmSnapshot> {
  const [people, companies, deals, lists, members, tasks, notes] = await Promise.all([
    collect(client.queryAllRecords('people')),
    collect(client.queryAllRecords('companies')),
    collect(client.queryAllRecords('deals')),
    client.listLists(),
    client.listWorkspaceMembers(),
    collect(client.listAllTasks()),
    collect(client.listAllNotes()),
  ]);
  const listSizes: Record<string, number> = {};
  for (const list of lists) listSizes[list.api_slug] = (await collect(client.queryAllEntries(list.api_slug))).length;
  const memberEmail = new Map(members.map((m) => [m.id.workspace_member_id, m.email_address]));
  const companyName = new Map(companies.map((c) => [c.id.record_id, readText(c, 'name') ?? '']));
  return {
    people: people.length,
    companies: companies.length,
    dealsByStage: tally(deals.map(stageOf)),
    listSizes,
    tasks: tasks.length,
    notes: notes.length,
    tasksByRep: tally(
      tasks.flatMap((t) => t.assignees.map((a) => memberEmail.get(a.referenced_actor_id ?? '') ?? 'unassigned')),
    ),
    notesByTitle: tally(notes.map((n) => n.title)),
    topPqls: people
      .filter((p) => readNumber(p, 'pql_score') !== undefined)
      .sort(
        (a, b) =>
          (readNumber(b, 'pql_score') ?? 0) - (readNumber(a, 'pql_score') ?? 0) ||
          String(readEmails(a)[0]).localeCompare(String(readEmails(b)[0])),
      )
      .slice(0, topN)
      .map((p) => ({
        name: readFullName(p) ?? '(no name)',
        email: readEmails(p)[0] ?? '',
        company: companyName.get(readRecordRef(p, 'company') ?? '') || undefined,
        score: readNumber(p, 'pql_score') ?? 0,
        tier: readSelectTitles(p, 'pql_tier')[0],
        explanation: readText(p, 'pql_explanation'),
      })),
    accountTiers: tally(companies.flatMap((c) => readSelectTitles(c, 'account_tier').slice(0, 1))),
    qualifiedAccounts: companies
      .flatMap((c) => {
        const qualifiedAt = readText(c, 'account_qualified_at');
        if (qualifiedAt === undefined) return [];
        const domain = readDomains(c)[0];
        return [
          {
            name: readText(c, 'name') ?? domain ?? '(no name)',
            ...(domain === undefined ? {} : { domain }),
            score: readNumber(c, 'account_score') ?? 0,
            tier: readSelectTitles(c, 'account_tier')[0],
            qualifiedAt,
            explanation: readText(c, 'account_explanation'),
          },
        ];
      })
      .sort((a, b) => Date.parse(a.qualifiedAt) - Date.parse(b.qualifiedAt) || a.name.localeCompare(b.name))
      .slice(0, topN),
  };
}

/** What the CRM holds, by kind, in the words a sales team uses. */
export interface CrmCounts {
  people: number;
  companies: number;
  deals: number;
  'list entries': number;
  notes: number;
  tasks: number;
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export function crmCounts(crm: CrmSnapshot): CrmCounts {
  return {
    people: crm.people,
    companies: crm.companies,
    deals: sum(crm.dealsByStage),
    'list entries': sum(crm.listSizes),
    notes: crm.notes,
    tasks: crm.tasks,
  };
}

/** What `after` holds beyond `before`, e.g. "301 people, 60 companies, 49 deals"; empty when nothing was added. */
export function renderCounts(after: CrmCounts, before: CrmCounts): string {
  return (Object.keys(after) as (keyof CrmCounts)[])
    .filter((kind) => after[kind] !== before[kind])
    .map((kind) => `${after[kind] - before[kind]} ${kind}`)
    .join(', ');
}

function stageOf(deal: AttioRecord): string {
  const status = deal.values.stage?.[0]?.status as { title?: string } | undefined;
  return status?.title ?? '(no stage)';
}

const list = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ') || 'none';

export function renderCrm(crm: CrmSnapshot): string {
  const deals = sum(crm.dealsByStage);
  const lines = [
    'CRM in Attio',
    `  People ${crm.people} · Companies ${crm.companies} · Deals ${deals} (${list(crm.dealsByStage)})`,
    `  Lists: ${list(crm.listSizes)}`,
    `  Tasks per rep: ${list(crm.tasksByRep)}`,
    `  Notes: ${list(crm.notesByTitle)}`,
    '',
    `Top PQLs`,
    ...crm.topPqls.flatMap((p, i) => [
      `  ${i + 1}. ${p.name} <${p.email}>${p.company ? ` at ${p.company}` : ''} — ${p.score} ${p.tier ?? ''}`.trimEnd(),
      ...(p.explanation ? [`     ${p.explanation}`] : []),
    ]),
    ...(Object.keys(crm.accountTiers).length === 0
      ? []
      : [
          '',
          `Accounts by tier: ${list(crm.accountTiers)}`,
          `First qualified accounts (PQA)`,
          ...crm.qualifiedAccounts.flatMap((a, i) => [
            `  ${i + 1}. ${a.name}${a.domain && a.domain !== a.name ? ` (${a.domain})` : ''} — ${a.score} ${a.tier ?? ''}, qualified ${a.qualifiedAt.slice(0, 10)}`,
            ...(a.explanation ? [`     ${a.explanation}`] : []),
          ]),
        ]),
  ];
  return lines.join('\n');
}

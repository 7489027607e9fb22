/**
 * A what-if run of the scoring models over mapped events, with no CRM: time is replayed from the events'
 * own timestamps. A user qualifies at the first report whose score reaches `pqlThreshold`; an account at
 * the first event of its own (a member's event or its group call) after which its roll-up reaches
 * `accountThreshold` — between its events an account's score can only fall (decay, seats going idle), so
 * checking at its events finds the moment exactly. Each qualification happens once, as in the CRM.
 */
import type { PlgConfig } from '../../core/config/index.js';
import { emailDomain, isPersonalDomain } from '../../core/domains/index.js';
import type { GroupIntent, Intent, PersonKey, PersonName } from '../../core/intents.js';
import {
  latestReport,
  scoreAccount,
  scoreSignals,
  scoreUser,
  tierOf,
  type AccountActivity,
  type AccountScore,
  type CompanyFacts,
  type SignalReport,
} from '../../core/scoring/index.js';

export interface Qualification {
  at: string;
  score: number;
  tier: string;
  explanation: string;
}

export interface UserOutcome {
  /** Email, else userId. */
  key: string;
  name?: string;
  /** The company domain the user belongs to at the end, if any. */
  account?: string;
  qualification?: Qualification;
  /** Decayed score and tier at the as-of moment (0 and the lowest tier without signals). */
  score: number;
  tier: string;
  /** The standing report's own score and explanation (no decay). */
  latest?: { at: string; score: number; explanation: string };
}

export interface AccountOutcome {
  /** The company's domain, as the CRM keys companies. */
  key: string;
  name: string;
  facts: CompanyFacts;
  members: number;
  qualification?: Qualification;
  /** When the first member qualified as a user: today's rule for the account's deal. */
  firstUserQualifiedAt?: string;
  /** When the account's PQL deal would open under the configured `dealTrigger`. */
  dealAt?: string;
  /** The account's score at the as-of moment, with its explanation. */
  current: AccountScore;
}

export interface WhatIf {
  asOf: string;
  /** The earliest event scored. */
  firstEventAt?: string;
  /** Intents after the as-of moment, left out. */
  later: number;
  users: UserOutcome[];
  accounts: AccountOutcome[];
}

interface UserState {
  key: string;
  name?: string;
  email?: string;
  report?: SignalReport;
  lastActiveAt?: string;
  /** From a group call or the profile's company; wins over the email domain. */
  statedAccount?: string;
  account?: string;
  qualification?: Qualification;
}

interface AccountState {
  key: string;
  name?: string;
  nameHint?: string;
  facts: CompanyFacts;
  accountReport?: SignalReport;
  members: Set<string>;
  qualification?: Qualification;
  firstUserQualifiedAt?: string;
}

export function runWhatIf(intents: readonly Intent[], config: PlgConfig, asOfMs: number): WhatIf {
  const inRange = intents.filter((intent) => Date.parse(intent.timestamp) <= asOfMs);
  // Stable: events at the same moment keep their file order.
  const timeline = [...inRange].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const emails = emailsByUserId(timeline);
  const groupDomains = domainsByGroupId(timeline, config);
  const users = new Map<string, UserState>();
  const accounts = new Map<string, AccountState>();

  const allowed = (domain: string | undefined): string | undefined =>
    domain !== undefined &&
    (config.personalDomains === 'allow-company' || !isPersonalDomain(domain, config.extraPersonalDomains))
      ? domain
      : undefined;
  const accountFor = (key: string): AccountState => {
    let account = accounts.get(key);
    if (account === undefined) accounts.set(key, (account = { key, facts: {}, members: new Set() }));
    return account;
  };
  const userFor = (person: PersonKey, at: string, name?: PersonName): UserState => {
    const email = person.email ?? (person.userId === undefined ? undefined : emails.get(person.userId));
    const key = email ?? person.userId ?? 'unknown';
    let user = users.get(key);
    if (user === undefined) users.set(key, (user = { key, ...(email === undefined ? {} : { email }) }));
    if (name !== undefined) user.name = name.fullName;
    if (user.lastActiveAt === undefined || at > user.lastActiveAt) user.lastActiveAt = at;
    return user;
  };
  const rehome = (user: UserState): AccountState | undefined => {
    const key = user.statedAccount ?? allowed(user.email === undefined ? undefined : emailDomain(user.email));
    if (key !== user.account) {
      if (user.account !== undefined) accounts.get(user.account)?.members.delete(user.key);
      if (key !== undefined) accountFor(key).members.add(user.key);
      user.account = key;
    }
    return key === undefined ? undefined : accounts.get(key);
  };
  const activity = (account: AccountState): AccountActivity => ({
    facts: account.facts,
    ...(account.accountReport === undefined ? {} : { accountReport: account.accountReport }),
    members: [...account.members].map((key) => {
      const user = users.get(key);
      return {
        user: key,
        ...(user?.name === undefined ? {} : { name: user.name }),
        ...(user?.report === undefined ? {} : { report: user.report }),
        ...(user?.lastActiveAt === undefined ? {} : { lastActiveAt: user.lastActiveAt }),
      };
    }),
  });
  const checkAccount = (account: AccountState | undefined, at: string): void => {
    if (account === undefined || account.qualification !== undefined) return;
    const result = scoreAccount(activity(account), config, at);
    if (result.qualified)
      account.qualification = { at, score: result.score, tier: result.tier, explanation: result.explanation };
  };

  for (const intent of timeline) {
    const at = intent.timestamp;
    switch (intent.kind) {
      case 'identify':
      case 'signup': {
        const user = userFor(intent.person, at, intent.profile.name);
        const stated =
          allowed(intent.profile.companyDomain) ??
          (intent.profile.workspaceId === undefined ? undefined : groupDomains.get(intent.profile.workspaceId));
        if (stated !== undefined) user.statedAccount = stated;
        const account = rehome(user);
        if (account !== undefined && intent.profile.companyName !== undefined)
          account.nameHint = intent.profile.companyName;
        checkAccount(account, at);
        break;
      }
      case 'milestone':
      case 'handoff':
        checkAccount(rehome(userFor(intent.person, at, intent.name)), at);
        break;
      case 'pql': {
        const user = userFor(intent.person, at, intent.name);
        const report = latestReport(
          [...(user.report ? [user.report] : []), { at, signals: intent.signals }],
          config.scoringModel,
        ) ?? { at, signals: intent.signals };
        user.report = report;
        const account = rehome(user);
        const fresh = scoreSignals(report.signals, config.scoringModel, config.pqlThreshold, config.userTiers);
        if (user.qualification === undefined && fresh.qualified) {
          user.qualification = { at, score: fresh.score, tier: fresh.tier, explanation: fresh.explanation };
          if (account !== undefined) account.firstUserQualifiedAt ??= at;
        }
        checkAccount(account, at);
        break;
      }
      case 'group': {
        const key = allowed(intent.company.domain) ?? groupDomains.get(intent.groupId);
        const account = key === undefined ? undefined : accountFor(key);
        if (account !== undefined) applyGroup(account, intent, config);
        if (intent.person !== undefined) {
          const user = userFor(intent.person, at);
          if (key !== undefined) user.statedAccount = key;
          rehome(user);
        }
        checkAccount(account, at);
        break;
      }
    }
  }

  const asOf = new Date(asOfMs).toISOString();
  const first = timeline[0]?.timestamp;
  return {
    asOf,
    ...(first === undefined ? {} : { firstEventAt: first }),
    later: intents.length - inRange.length,
    users: [...users.values()]
      .map((user) => userOutcome(user, config, asOf))
      .sort((a, b) => b.score - a.score || compareText(a.key, b.key)),
    accounts: [...accounts.values()]
      .filter((account) => account.members.size > 0 || account.name !== undefined)
      .map((account): AccountOutcome => {
        const dealAt = dealMoment(account, config.dealTrigger);
        return {
          key: account.key,
          name: account.name ?? account.nameHint ?? account.key,
          facts: account.facts,
          members: account.members.size,
          ...(account.qualification === undefined ? {} : { qualification: account.qualification }),
          ...(account.firstUserQualifiedAt === undefined ? {} : { firstUserQualifiedAt: account.firstUserQualifiedAt }),
          ...(dealAt === undefined ? {} : { dealAt }),
          current: scoreAccount(activity(account), config, asOf),
        };
      })
      .sort((a, b) => b.current.score - a.current.score || compareText(a.key, b.key)),
  };
}

function applyGroup(account: AccountState, intent: GroupIntent, config: PlgConfig): void {
  const { name, plan, industry, employeeRange, country } = intent.company;
  if (name !== undefined) account.name = name;
  if (plan !== undefined) account.facts.plan = plan;
  if (industry !== undefined) account.facts.industry = industry;
  if (employeeRange !== undefined) account.facts.employeeRange = employeeRange;
  if (country !== undefined) account.facts.country = country;
  if (Object.keys(intent.signals).length > 0) {
    const reports = [
      ...(account.accountReport ? [account.accountReport] : []),
      { at: intent.timestamp, signals: intent.signals },
    ];
    account.accountReport = latestReport(reports, config.scoringModel);
  }
}

function userOutcome(user: UserState, config: PlgConfig, asOf: string): UserOutcome {
  const now = user.report === undefined ? undefined : scoreUser(user.report, config, asOf);
  return {
    key: user.key,
    ...(user.name === undefined ? {} : { name: user.name }),
    ...(user.account === undefined ? {} : { account: user.account }),
    ...(user.qualification === undefined ? {} : { qualification: user.qualification }),
    score: now?.score ?? 0,
    tier: now?.tier ?? tierOf(0, config.userTiers),
    ...(now === undefined || user.report === undefined
      ? {}
      : { latest: { at: user.report.at, score: now.fresh.score, explanation: now.fresh.explanation } }),
  };
}

function dealMoment(account: AccountState, trigger: PlgConfig['dealTrigger']): string | undefined {
  const byUser = account.firstUserQualifiedAt;
  const byAccount = account.qualification?.at;
  if (trigger === 'user') return byUser;
  if (trigger === 'account') return byAccount;
  if (byUser === undefined) return byAccount;
  return byAccount === undefined || byUser <= byAccount ? byUser : byAccount;
}

/** Who a userId is: the email an event carried with it (the CRM finds them through the Users object). */
function emailsByUserId(intents: readonly Intent[]): Map<string, string> {
  const emails = new Map<string, string>();
  for (const intent of intents) {
    const person = 'person' in intent ? intent.person : undefined;
    if (person?.userId !== undefined && person.email !== undefined && !emails.has(person.userId))
      emails.set(person.userId, person.email);
  }
  return emails;
}

/** The company domain of each product workspace (groupId), from its latest group call that names one. */
function domainsByGroupId(intents: readonly Intent[], config: PlgConfig): Map<string, string> {
  const domains = new Map<string, string>();
  for (const intent of intents) {
    const domain = intent.kind === 'group' ? intent.company.domain : undefined;
    if (intent.kind !== 'group' || domain === undefined) continue;
    if (config.personalDomains === 'skip-company' && isPersonalDomain(domain, config.extraPersonalDomains)) continue;
    domains.set(intent.groupId, domain);
  }
  return domains;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

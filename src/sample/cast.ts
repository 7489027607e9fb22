import { DEFAULT_PQL_THRESHOLD, DEFAULT_SCORING_MODEL, type SignalDefinition } from '../core/scoring/model.js';
import { deriveSeed, mulberry32, type Random } from './random.js';

/**
 * The cast of a sample month: companies, their users, and each user's usage trajectory (when usage summaries
 * arrive and how many scoring signals are met in each). Small per user, so a stream of any length is
 * generated from it without holding events.
 */

const DAY_MS = 86_400_000;

export interface SampleWindow {
  startMs: number;
  endMs: number;
}

export interface SampleCompany {
  index: number;
  groupId: string;
  name: string;
  /** The registrable domain, e.g. `acme-analytics.com`; websites in events vary around it. */
  domain: string;
  plan: string;
  industry: string;
}

export interface HandoffPlan {
  event: 'Sales Handoff Requested' | 'Upgrade Requested' | 'Demo Requested';
  at: number;
  value: number;
  plan: string;
  reason: string;
}

export interface SampleUser {
  index: number;
  seed: number;
  userId: string;
  anonymousId: string | undefined;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  /** Undefined for someone who signed up with a personal address. */
  company: SampleCompany | undefined;
  /** Started the company's trial (the others were invited). */
  founder: boolean;
  signupAt: number;
  /** Times of the user's weekly-ish `Usage Summary` events. */
  summaryAts: number[];
  /** Scoring signals in the order this user meets them. */
  signalOrder: SignalDefinition[];
  /** For each summary, how many signals of `signalOrder` are met. */
  metCounts: number[];
  /** Index of the first summary whose score reaches the PQL threshold, if any. */
  qualifyingSummary: number | undefined;
  /** Re-identifies with the latest signals as traits after some summaries. */
  signalsAsTraits: boolean;
  /** Puts `context.traits.email` on track calls (the rest are resolved by userId). */
  emailOnTrack: boolean;
  handoffs: HandoffPlan[];
}

export interface CastOptions {
  seed: number;
  companies: number;
  usersPerCompany: number;
  personalEmailRate: number;
  window: SampleWindow;
}

export interface Cast {
  companies: SampleCompany[];
  /** Ordered by signup time. */
  users: SampleUser[];
}

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Katherine',
  'John',
  'Hedy',
  'Donald',
  'Sophie',
  'Guido',
  'Anita',
  'Bjarne',
  'Joan',
  'James',
  'Carol',
  'Niklaus',
  'Adele',
  'Leslie',
  'Shafi',
  'Whitfield',
  'Mary',
  'Vint',
  'Lynn',
  'Brian',
  'Evelyn',
  'Yukihiro',
  'Priya',
  'Mateo',
  'Amara',
  'Kenji',
  'Ingrid',
  'Tomás',
  'Aisha',
  'Noah',
  'Elena',
  'Ravi',
  'Chloé',
  'Omar',
  'Freya',
  'Diego',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Johnson',
  'McCarthy',
  'Lamarr',
  'Knuth',
  'Wilson',
  'van Rossum',
  'Borg',
  'Stroustrup',
  'Clarke',
  'Gosling',
  'Shaw',
  'Wirth',
  'Goldberg',
  'Lamport',
  'Goldwasser',
  'Diffie',
  'Keller',
  'Cerf',
  'Conway',
  'Kernighan',
  'Boyd',
  'Matsumoto',
  'Raman',
  'García',
  'Okafor',
  'Tanaka',
  'Lindqvist',
  'Moreau',
  'Haddad',
  'Novak',
];
const TITLES = [
  'Head of Growth',
  'Product Manager',
  'Software Engineer',
  'Data Analyst',
  'VP Engineering',
  'CTO',
  'Founder',
  'Marketing Manager',
  'Operations Lead',
  'Customer Success Manager',
  'Staff Engineer',
  'Director of Product',
];
const COMPANY_WORDS = [
  'Acme',
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Pied Piper',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Aperture',
  'Wonka',
  'Gringotts',
  'Oscorp',
  'Massive Dynamic',
  'Prestige',
  'Blue Sun',
  'Kestrel',
  'Lumen',
  'Quartz',
  'Meridian',
  'Harbor',
  'Juniper',
  'Cobalt',
  'Summit',
  'Atlas',
  'Beacon',
  'Cascade',
  'Driftwood',
  'Ember',
  'Falcon',
  'Granite',
  'Helix',
  'Iris',
  'Jasper',
  'Keystone',
  'Lattice',
  'Mosaic',
  'Nimbus',
];
const COMPANY_KINDS = [
  'Analytics',
  'Labs',
  'Cloud',
  'Systems',
  'Software',
  'Data',
  'Logistics',
  'Health',
  'Robotics',
  'Studio',
];
const TLDS = ['com', 'com', 'com', 'io', 'co', 'dev', 'ai'];
const INDUSTRIES = ['SaaS', 'Fintech', 'E-commerce', 'Healthcare', 'Logistics', 'Media', 'Education'];
/** Plan names are options of the plg-demo workspace's `plan_type`. */
const COMPANY_PLANS = ['trial', 'trial', 'free', 'starter', 'pro'];
const PERSONAL_DOMAINS = ['gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'];
const HANDOFF_REASONS = [
  'Needs SSO and audit logs',
  'Hit the seat limit on the team plan',
  'Procurement asked for an annual contract',
  'Wants a guided demo for the leadership team',
  'Security review before company-wide rollout',
];

export function createCast(options: CastOptions): Cast {
  const random = mulberry32(deriveSeed(options.seed, 'cast'));
  const companies = createCompanies(random, options);
  const users: SampleUser[] = [];
  const span = options.window.endMs - options.window.startMs;
  for (const company of companies) {
    const size = companySize(random, options.usersPerCompany);
    const founderAt = options.window.startMs + Math.round(random.next() * span * 0.75);
    for (let member = 0; member < size; member++) {
      const invitedAfter = member === 0 ? 0 : Math.round((0.2 + random.next() * 8) * DAY_MS);
      const signupAt = Math.min(founderAt + invitedAfter, options.window.endMs - DAY_MS);
      users.push(createUser(random, users.length, options, company, member === 0, signupAt));
    }
  }
  const personal = Math.round((users.length * options.personalEmailRate) / (1 - options.personalEmailRate));
  for (let i = 0; i < personal; i++) {
    const signupAt = options.window.startMs + Math.round(random.next() * span * 0.8);
    users.push(createUser(random, users.length, options, undefined, true, signupAt));
  }
  planHandoffs(random, companies, users, options.window);
  users.sort((a, b) => a.signupAt - b.signupAt || a.index - b.index);
  return { companies, users };
}

function createCompanies(random: Random, options: CastOptions): SampleCompany[] {
  const taken = new Set<string>();
  const companies: SampleCompany[] = [];
  for (let index = 0; index < options.companies; index++) {
    const word = random.pick(COMPANY_WORDS);
    const kind = random.pick(COMPANY_KINDS);
    const slug = `${word}-${kind}`.toLowerCase().replace(/\s+/g, '');
    const joined = random.chance(0.5) ? slug : slug.replace(/-/g, '');
    let domain = `${joined}.${random.pick(TLDS)}`;
    // Larger casts run out of word pairs; a numbered domain keeps every company its own record.
    for (let n = 2; taken.has(domain); n++) domain = `${joined}${n}.${random.pick(TLDS)}`;
    taken.add(domain);
    companies.push({
      index,
      groupId: `ws_${random.hex(6)}${index.toString(36)}`,
      name: `${word} ${kind}`,
      domain,
      plan: random.pick(COMPANY_PLANS),
      industry: random.pick(INDUSTRIES),
    });
  }
  return companies;
}

/** Many single-user workspaces, most small teams, a few big accounts; scaled to the requested mean. */
function companySize(random: Random, mean: number): number {
  const roll = random.next();
  const scale = mean / 4.85;
  if (roll < 0.3) return 1;
  if (roll < 0.9) return Math.max(1, Math.round(random.int(2, 7) * scale));
  return Math.max(1, Math.round(random.int(12, 25) * scale));
}

function createUser(
  random: Random,
  index: number,
  options: CastOptions,
  company: SampleCompany | undefined,
  founder: boolean,
  signupAt: number,
): SampleUser {
  const seed = deriveSeed(options.seed, 'user', index);
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const local = emailLocalPart(random, firstName, lastName);
  const email =
    company === undefined
      ? `${local}${random.int(1, 99)}@${random.pick(PERSONAL_DOMAINS)}`
      : `${local}@${company.domain}`;
  const trajectory = planUsage(mulberry32(deriveSeed(seed, 'usage')), signupAt, options.window);
  return {
    index,
    seed,
    userId: `usr_${random.hex(8)}${index.toString(36)}`,
    anonymousId: random.chance(0.4) ? `anon_${random.hex(12)}` : undefined,
    email,
    firstName,
    lastName,
    title: random.pick(TITLES),
    company,
    founder,
    signupAt,
    ...trajectory,
    signalsAsTraits: random.chance(0.15),
    emailOnTrack: random.chance(0.7),
    handoffs: [],
  };
}

function emailLocalPart(random: Random, firstName: string, lastName: string): string {
  const first = asciiLower(firstName);
  const last = asciiLower(lastName);
  const form = random.int(0, 2);
  if (form === 0) return `${first}.${last}`;
  if (form === 1) return `${first.charAt(0)}${last}`;
  return first;
}

function asciiLower(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

type Trajectory = Pick<SampleUser, 'summaryAts' | 'signalOrder' | 'metCounts' | 'qualifyingSummary'>;

/** Probability that a user with at least one usage summary becomes a PQL within the month. */
const QUALIFY_RATE = 0.3;

/**
 * Usage summaries every 5 to 8 days from a few days after signup, and how many signals each meets: signals
 * are met one after another in a per-user order; a qualifier crosses the threshold at a chosen summary, the
 * others stop just below it.
 */
function planUsage(random: Random, signupAt: number, window: SampleWindow): Trajectory {
  const summaryAts: number[] = [];
  for (
    let at = signupAt + (3 + random.next() * 2) * DAY_MS;
    at < window.endMs;
    at += (5 + random.next() * 3) * DAY_MS
  ) {
    summaryAts.push(at);
  }
  const signalOrder = random.shuffle(DEFAULT_SCORING_MODEL.signals);
  let toQualify = 0;
  for (let score = 0; score < DEFAULT_PQL_THRESHOLD; toQualify++)
    score += signalOrder[toQualify]?.weight ?? DEFAULT_PQL_THRESHOLD;
  const qualifies = summaryAts.length > 0 && random.chance(QUALIFY_RATE);
  const qualifyingSummary = qualifies ? random.int(0, summaryAts.length - 1) : undefined;
  const ceiling = random.int(0, toQualify - 1);
  const metCounts = summaryAts.map((_, step) => {
    if (qualifyingSummary === undefined) return Math.min(step + 1, ceiling);
    if (step < qualifyingSummary) return Math.min(step + 1, toQualify - 1);
    return Math.min(toQualify + step - qualifyingSummary, signalOrder.length);
  });
  return { summaryAts, signalOrder, metCounts, qualifyingSummary };
}

/**
 * Handoff requests for about one company in ten, mostly a few days after one of its users qualified; a
 * couple of demo requests come before any qualification, as they do in practice.
 */
function planHandoffs(random: Random, companies: SampleCompany[], users: SampleUser[], window: SampleWindow): void {
  const firstQualifier = new Map<SampleCompany, { user: SampleUser; at: number }>();
  const anyUser = new Map<SampleCompany, SampleUser>();
  for (const user of users) {
    if (user.company === undefined) continue;
    if (!anyUser.has(user.company)) anyUser.set(user.company, user);
    if (user.qualifyingSummary === undefined) continue;
    const at = user.summaryAts[user.qualifyingSummary] ?? window.endMs;
    const known = firstQualifier.get(user.company);
    if (known === undefined || at < known.at) firstQualifier.set(user.company, { user, at });
  }
  const wanted = Math.max(2, Math.round(companies.length / 10));
  const qualified = random.shuffle([...firstQualifier.values()].filter((q) => q.at < window.endMs - 2 * DAY_MS));
  for (const [n, { user, at }] of qualified.slice(0, wanted).entries()) {
    const first = handoff(
      random,
      n % 3 === 0 ? 'Upgrade Requested' : 'Sales Handoff Requested',
      at + (0.5 + random.next()) * DAY_MS,
    );
    user.handoffs.push(first);
    // Some accounts ask twice in different ways; each kind is its own handoff.
    if (random.chance(0.3) && first.at + DAY_MS < window.endMs) {
      user.handoffs.push(handoff(random, 'Demo Requested', first.at + (0.2 + random.next() * 0.5) * DAY_MS));
    }
  }
  const unqualified = random.shuffle(companies.filter((company) => !firstQualifier.has(company)));
  for (const company of unqualified.slice(0, Math.max(1, Math.round(wanted / 4)))) {
    const user = anyUser.get(company);
    if (user === undefined || user.signupAt + 2 * DAY_MS >= window.endMs) continue;
    user.handoffs.push(handoff(random, 'Demo Requested', user.signupAt + (1 + random.next()) * DAY_MS));
  }
}

function handoff(random: Random, event: HandoffPlan['event'], at: number): HandoffPlan {
  return {
    event,
    at,
    value: random.int(12, 90) * 1000,
    plan: random.pick(['pro', 'enterprise', 'enterprise']),
    reason: random.pick(HANDOFF_REASONS),
  };
}

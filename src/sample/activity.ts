import type { SignalDefinition } from '../core/scoring/model.js';
import type { SampleUser, SampleWindow } from './cast.js';
import { deriveSeed, mulberry32, type Random } from './random.js';

/**
 * One user's month as Segment-spec messages, in time order: identify, signup, group, milestones as usage
 * grows, weekly usage summaries, handoff requests and some page-view noise. Steps are planned when the
 * user signs up (a few dozen small records) and each message is built only when it is emitted.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type ActivityExpectation = 'valid' | 'ignored';

export interface Activity {
  at: number;
  expect: ActivityExpectation;
  build: (random: Random) => Record<string, unknown>;
}

const BROWSER = { name: 'analytics.js', version: '5.2.1' };
const SERVER = { name: 'analytics-node', version: '2.1.2' };

/** The milestone event a user sends when a signal is first met (login counts have none). */
const MILESTONE_FOR_SIGNAL: Partial<
  Record<string, (random: Random) => { event: string; properties: Record<string, unknown> }>
> = {
  integrations_connected: (random) => ({
    event: 'Integration Connected',
    properties: { integration: random.pick(['Slack', 'Salesforce', 'HubSpot', 'Snowflake', 'GitHub', 'Zapier']) },
  }),
  records_imported: (random) => ({
    event: 'Data Imported',
    properties: { records: random.int(100, 5000), format: 'csv' },
  }),
  team_invites: (random) => ({ event: 'Invite Sent', properties: { invitee_role: random.pick(['member', 'admin']) } }),
  features_activated: (random) => ({
    event: 'Feature Activated',
    properties: { feature: random.pick(['dashboards', 'alerts', 'api_access', 'workflows', 'reports']) },
  }),
};

export function planActivities(user: SampleUser, window: SampleWindow): Activity[] {
  const random = mulberry32(deriveSeed(user.seed, 'activity'));
  const activities: Activity[] = [];
  const add = (at: number, build: Activity['build'], expect: ActivityExpectation = 'valid'): void => {
    if (at < window.endMs) activities.push({ at: Math.round(at), expect, build });
  };
  const t0 = user.signupAt;
  add(t0, () => identify(user, profileTraits(user, t0)));
  add(t0 + 2_000 + random.int(0, 20_000), (r) => signup(user, r));
  if (user.company !== undefined) add(t0 + MINUTE_MS + random.int(0, 10 * MINUTE_MS), (r) => group(user, r));
  if (random.chance(0.8)) {
    add(t0 + (0.1 + random.next() * 2) * DAY_MS, () => track(user, 'Onboarding Completed', { steps_completed: 5 }));
  }
  let previous = t0;
  let met = 0;
  user.summaryAts.forEach((summaryAt, step) => {
    const metNow = user.metCounts[step] ?? 0;
    for (const signal of user.signalOrder.slice(met, metNow)) {
      const milestone = MILESTONE_FOR_SIGNAL[signal.key];
      if (milestone === undefined) continue;
      add(previous + (0.3 + random.next() * 0.6) * (summaryAt - previous), (r) => {
        const { event, properties } = milestone(r);
        return track(user, event, properties);
      });
    }
    met = Math.max(met, metNow);
    add(summaryAt, () => usageSummary(user, step));
    if (user.signalsAsTraits && random.chance(0.6)) {
      add(summaryAt + (1 + random.next() * 3) * HOUR_MS, () =>
        identify(user, { email: user.email, ...signalsAt(user, step) }),
      );
    }
    previous = summaryAt;
  });
  if (random.chance(0.3)) {
    // A repeated milestone: a second invite, which must not add a second note.
    add(t0 + (1 + random.next() * 10) * DAY_MS, () => track(user, 'Invite Sent', { invitee_role: 'member' }));
  }
  if (random.chance(0.15)) {
    // The generic form of a milestone a user may also reach by its own event: still one note per milestone.
    const milestone = random.pick(['onboarding_completed', 'feature_activated', 'first_integration']);
    add(t0 + (0.5 + random.next() * 6) * DAY_MS, () => track(user, 'Milestone Reached', { milestone }));
  }
  for (const handoff of user.handoffs) {
    add(handoff.at, () =>
      track(user, handoff.event, { value: handoff.value, plan: handoff.plan, reason: handoff.reason }),
    );
  }
  for (let views = random.int(0, 3); views > 0; views--) {
    const path = random.pick(['/pricing', '/docs/getting-started', '/settings/billing', '/integrations']);
    add(t0 + random.next() * 20 * DAY_MS, () => track(user, 'Page Viewed', { path, referrer: '' }), 'ignored');
  }
  return activities.sort((a, b) => a.at - b.at);
}

/** The envelope without messageId and timestamp, which the stream sets when it emits the message. */
function base(user: SampleUser, type: string, library = BROWSER): Record<string, unknown> {
  return {
    type,
    userId: user.userId,
    ...(user.anonymousId === undefined ? {} : { anonymousId: user.anonymousId }),
    context: { library },
  };
}

function profileTraits(user: SampleUser, createdAt: number): Record<string, unknown> {
  const name =
    user.index % 3 === 0
      ? { name: `${user.firstName} ${user.lastName}` }
      : { firstName: user.firstName, lastName: user.lastName };
  return {
    email: user.email,
    ...name,
    title: user.title,
    ...(user.company === undefined
      ? {}
      : {
          company: {
            name: user.company.name,
            website: website(user.company.domain, user.index),
            id: user.company.groupId,
          },
        }),
    plan: user.company?.plan ?? 'free',
    createdAt: new Date(createdAt).toISOString(),
  };
}

function identify(user: SampleUser, traits: Record<string, unknown>): Record<string, unknown> {
  return { ...base(user, 'identify'), traits };
}

function signup(user: SampleUser, random: Random): Record<string, unknown> {
  const event = user.founder && user.company !== undefined && random.chance(0.5) ? 'Trial Started' : 'Signed Up';
  const source = user.founder
    ? random.pick(['organic', 'google_ads', 'product_hunt', 'referral', 'linkedin'])
    : 'invite';
  const message = base(user, 'track');
  const context = message['context'] as Record<string, unknown>;
  const traits = { email: user.email, firstName: user.firstName, lastName: user.lastName, title: user.title };
  // Most libraries carry the email in context.traits; some tracking plans send it as a property instead.
  const byProperty = random.chance(0.2);
  if (!byProperty) context['traits'] = traits;
  if (random.chance(0.3))
    context['campaign'] = { source: random.pick(['google', 'newsletter', 'partner']), medium: 'cpc' };
  return {
    ...message,
    event,
    properties: { plan: user.company?.plan ?? 'free', source, ...(byProperty ? { email: user.email } : {}) },
  };
}

function group(user: SampleUser, random: Random): Record<string, unknown> {
  const company = user.company;
  if (company === undefined) throw new RangeError('a group call needs a company');
  const signals = random.chance(0.3) ? accountSignals(user) : {};
  return {
    ...base(user, 'group'),
    groupId: company.groupId,
    traits: {
      name: company.name,
      website: website(company.domain, user.index + 1),
      plan: company.plan,
      industry: company.industry,
      ...signals,
    },
  };
}

function track(
  user: SampleUser,
  event: string,
  properties: Record<string, unknown>,
  library = BROWSER,
): Record<string, unknown> {
  const message = base(user, 'track', library);
  if (user.emailOnTrack) (message['context'] as Record<string, unknown>)['traits'] = { email: user.email };
  return { ...message, event, properties };
}

function usageSummary(user: SampleUser, step: number): Record<string, unknown> {
  return track(user, 'Usage Summary', { period: '7d', ...signalsAt(user, step) }, SERVER);
}

/** A group call's account signals: modest workspace-level counts. */
function accountSignals(user: SampleUser): Record<string, number> {
  const random = mulberry32(deriveSeed(user.seed, 'account'));
  return { logins_7d: random.int(1, 30), team_invites: random.int(0, 6), integrations_connected: random.int(0, 3) };
}

/** The signal values of a user's `step`th usage summary: met signals at or above their threshold and growing. */
function signalsAt(user: SampleUser, step: number): Record<string, number> {
  const random = mulberry32(deriveSeed(user.seed, 'signals', step));
  const met = user.metCounts[step] ?? 0;
  const weeks = user.summaryAts.length + 1;
  return Object.fromEntries(
    user.signalOrder.map((signal, position) => [
      signal.key,
      signalValue(signal, position < met, (step + 1) / weeks, random),
    ]),
  );
}

const SIGNAL_CAPS: Record<string, number> = { active_days_14d: 14, logins_7d: 60 };

function signalValue(signal: SignalDefinition, met: boolean, progress: number, random: Random): number {
  const cap = SIGNAL_CAPS[signal.key] ?? Number.MAX_SAFE_INTEGER;
  if (!met)
    return Math.min(
      signal.threshold - 1,
      Math.floor(signal.threshold * Math.min(0.95, progress * (0.6 + random.next() * 0.4))),
    );
  return Math.min(cap, Math.ceil(signal.threshold * (1 + progress * (2 + random.next()))));
}

/** The ways sites write a company's website; all reduce to the same domain. */
function website(domain: string, variant: number): string {
  const forms = [`https://www.${domain}/`, domain, `http://${domain}`, `https://${domain}/pricing`, `www.${domain}`];
  return forms[variant % forms.length] ?? domain;
}

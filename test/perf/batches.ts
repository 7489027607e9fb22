/**
 * Batches for the coalescing tests: Segment-spec events of a few people, built from a seed so that every
 * run sees the same batches. Traits-bearing events (signup, identify) arrive in time order, as they do from
 * an SDK; group calls are for an account of no one in the batch (another lane, run concurrently); usage summaries may arrive late (an older timestamp after a newer one), milestones may repeat.
 */
import { mulberry32 } from '../../src/sample/random.js';
import { group, handoff, identify, milestone, QUALIFYING, signedUp, usage, WARM } from '../support/e2e.js';

const MILESTONE_EVENTS = [
  'Onboarding Completed',
  'Integration Connected',
  'Data Imported',
  'Invite Sent',
  'Feature Activated',
];

/** 100 events from 10 users: a signup, an identify, three milestones and five usage summaries each. */
export function tenUsersBatch(): unknown[] {
  const events: unknown[] = [];
  for (let u = 0; u < 10; u++) {
    const email = `user${u}@company${u}.io`;
    events.push(signedUp(email, 1), identify(email, 1, { plan: 'pro' }));
    MILESTONE_EVENTS.slice(0, 3).forEach((event, i) => events.push(milestone(email, event, 2 + i)));
    for (let d = 0; d < 5; d++) events.push(usage(email, 5 + d, { ...WARM, logins_7d: d }));
  }
  return events;
}

/** The writes one of tenUsersBatch's users costs merged: company, person, user, trial entry, three notes, one final update. */
export const TEN_USERS_MERGED_WRITES_PER_USER = 8;

/** A random mixed batch for people with their own companies (one on a personal domain). */
export function randomBatch(seed: number, size = 40): unknown[] {
  const rng = mulberry32(seed);
  const random = rng.next;
  const pick = rng.pick;
  const people = [
    `ann.${seed}@alpha${seed}.io`,
    `ben.${seed}@beta${seed}.io`,
    `cy.${seed}@gamma${seed}.io`,
    `dee.${seed}@gmail.com`,
  ];
  const day = new Map(people.map((p) => [p, 1]));
  const events: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const email = pick(people);
    const today = (day.get(email) ?? 1) + (random() < 0.5 ? 1 : 0);
    day.set(email, today);
    const r = random();
    if (r < 0.08)
      events.push(signedUp(email, today, { properties: { plan: pick(['trial', 'starter']), source: 'website' } }));
    else if (r < 0.16)
      events.push(identify(email, today, { title: pick(['CTO', 'Engineer']), plan: pick(['trial', 'pro']) }));
    else if (r < 0.45) events.push(milestone(email, pick(MILESTONE_EVENTS), today));
    else if (r < 0.85) {
      const late = random() < 0.25 ? Math.max(1, today - 2) : today;
      events.push(usage(email, late, random() < 0.3 ? QUALIFYING : { ...WARM, logins_7d: Math.floor(random() * 9) }));
    } else if (r < 0.92)
      events.push(
        handoff(email, pick(['Demo Requested', 'Upgrade Requested']), today, {
          value: 1000 * (1 + Math.floor(random() * 5)),
        }),
      );
    else
      events.push(
        group(
          `ws_${seed}`,
          `delta${seed}.io`,
          today,
          random() < 0.5 ? { logins_7d: 7, team_invites: 3 } : { plan: 'pro' },
        ),
      );
  }
  return events;
}

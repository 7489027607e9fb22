/**
 * An account's qualification opens the account's one PQL deal — the same deal a user's qualification opens
 * (same name, same key, same lock), so whichever comes first opens it and the other finds it — with its
 * top contributor among the deal's people, a note on the deal explaining the score (which users, which
 * signals, which fit factors) and the follow-up task for the owner.
 */
import type { AccountMember, AccountScore } from '../scoring/index.js';
import type { StoredAccount } from './account-facts.js';
import type { WorkflowRun } from './context.js';
import { ensureNote } from './notes-and-tasks.js';
import { personIdOf } from './people.js';
import type { PersonState } from './person-state.js';
import { openPqlDeal } from './pql-deal.js';

export const PQA_NOTE_TITLE = 'PQA Qualified';

/** One of the account's people in a roll-up: read from Attio (its id), or known to the lane (its state). */
export interface AccountPerson {
  member: AccountMember;
  personId?: string;
  state?: PersonState;
}

export async function openAccountDeal(
  run: WorkflowRun,
  account: StoredAccount,
  score: AccountScore,
  people: readonly AccountPerson[],
  at: string,
): Promise<void> {
  const { ctx } = run;
  const top = people.find((person) => person.member.user === score.topUsers.users[0]?.user);
  if (top === undefined) {
    run.warn('an account qualified without any user signals; its deal waits for a user to report some');
    return;
  }
  const personId = top.personId ?? (top.state ? await personIdOf(run, top.state) : undefined);
  if (personId === undefined) return;
  const name = account.name ?? account.domain ?? 'Unknown company';
  const { companyId } = account;
  await openPqlDeal(run, {
    companyId,
    personId,
    accountName: name,
    ownerKey: account.domain ?? companyId,
    followUp: `${name} qualified as an account with score ${score.score}/100 (${score.tier}). ${score.explanation}`,
    at,
    onDeal: async (dealId) => {
      await ensureNote(run, {
        parentObject: 'deals',
        parentRecordId: dealId,
        title: PQA_NOTE_TITLE,
        key: 'pqa-qualified',
        content: describeQualification(score, ctx.config.accountThreshold, at),
        createdAt: at,
      });
    },
  });
}

/** The note's text: the score, then each part with who or what made it. */
export function describeQualification(score: AccountScore, threshold: number, at: string): string {
  const round = (points: number) => Math.round(points * 10) / 10;
  const users = score.topUsers.users.map(
    (user) =>
      `- ${user.name === undefined ? user.user : `${user.name} (${user.user})`}: ${user.score} ×${user.rankWeight}% +${round(user.points)}` +
      (user.signals.length === 0 ? '' : ` — ${user.signals.join(', ')}`),
  );
  const { activeSeats, featureBreadth, fit } = score;
  const missing = featureBreadth.signals.filter((signal) => signal.credit === 0).map((signal) => signal.label);
  return [
    `Account score: ${score.score}/100 (${score.tier}), threshold ${threshold}`,
    `Qualified at: ${at}`,
    `Top users (+${round(score.topUsers.points)}):`,
    ...(users.length === 0 ? ['- none with signals yet'] : users),
    `Active seats: ${activeSeats.active}/${activeSeats.seats} in ${activeSeats.activeWithinDays}d +${round(activeSeats.points)}`,
    `Feature breadth: ${Math.round(featureBreadth.share * 100)}% +${round(featureBreadth.points)}${missing.length === 0 ? '' : ` (missing ${missing.join(', ')})`}`,
    ...(fit.factors.length === 0
      ? []
      : [`Fit: ${fit.factors.map((f) => `${f.label} ${f.value ?? 'not reported'} +${f.points}`).join(', ')}`]),
    `Why: ${score.explanation}`,
  ].join('\n');
}

/**
 * What changes between two models run over the same events: who qualifies under B and not A (newly), under
 * A and not B (no longer), and who qualifies under both but earlier or later — for users, accounts and the
 * moment each account's deal would open.
 */
import type { WhatIf } from './what-if.js';

export interface MomentChange {
  key: string;
  name: string;
  /** When under model A / B (ISO 8601); absent when never. */
  a?: string;
  b?: string;
}

export interface MomentComparison {
  qualifiedA: number;
  qualifiedB: number;
  newly: MomentChange[];
  noLonger: MomentChange[];
  earlier: MomentChange[];
  later: MomentChange[];
  unchanged: number;
}

export interface ModelComparison {
  users: MomentComparison;
  accounts: MomentComparison;
  deals: MomentComparison;
}

interface Moment {
  key: string;
  name: string;
  at?: string;
}

export function compareModels(a: WhatIf, b: WhatIf): ModelComparison {
  const users = (run: WhatIf): Moment[] =>
    run.users.map((user) => ({ key: user.key, name: user.name ?? user.key, ...at(user.qualification?.at) }));
  const accounts = (run: WhatIf): Moment[] =>
    run.accounts.map((account) => ({ key: account.key, name: account.name, ...at(account.qualification?.at) }));
  const deals = (run: WhatIf): Moment[] =>
    run.accounts.map((account) => ({ key: account.key, name: account.name, ...at(account.dealAt) }));
  return {
    users: compareMoments(users(a), users(b)),
    accounts: compareMoments(accounts(a), accounts(b)),
    deals: compareMoments(deals(a), deals(b)),
  };
}

function compareMoments(a: readonly Moment[], b: readonly Moment[]): MomentComparison {
  const before = new Map(a.map((moment) => [moment.key, moment]));
  const after = new Map(b.map((moment) => [moment.key, moment]));
  const result: MomentComparison = {
    qualifiedA: a.filter((moment) => moment.at !== undefined).length,
    qualifiedB: b.filter((moment) => moment.at !== undefined).length,
    newly: [],
    noLonger: [],
    earlier: [],
    later: [],
    unchanged: 0,
  };
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [x, y] = [before.get(key), after.get(key)];
    const change: MomentChange = {
      key,
      name: y?.name ?? x?.name ?? key,
      ...(x?.at === undefined ? {} : { a: x.at }),
      ...(y?.at === undefined ? {} : { b: y.at }),
    };
    if (change.a === undefined && change.b === undefined) continue;
    if (change.a === undefined) result.newly.push(change);
    else if (change.b === undefined) result.noLonger.push(change);
    else if (change.b < change.a) result.earlier.push(change);
    else if (change.b > change.a) result.later.push(change);
    else result.unchanged++;
  }
  const byMoment = (field: 'a' | 'b') => (p: MomentChange, q: MomentChange) =>
    (p[field] ?? '').localeCompare(q[field] ?? '') || p.key.localeCompare(q.key);
  result.newly.sort(byMoment('b'));
  result.noLonger.sort(byMoment('a'));
  result.earlier.sort(byMoment('b'));
  result.later.sort(byMoment('b'));
  return result;
}

function at(moment: string | undefined): { at?: string } {
  return moment === undefined ? {} : { at: moment };
}

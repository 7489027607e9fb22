/**
 * Fault injection for resilience tests, from a spec such as
 * `429=0.1,503=0.05,reset=0.02,timeout=0.01,latency=20-80,after-commit-502=0.02,seed=42`.
 * A seeded PRNG makes a run reproducible for a given request order.
 */
export type InjectedFault = { kind: 'status'; status: number } | { kind: 'reset' } | { kind: 'timeout' };

export interface FaultPlan {
  /** Faults that stop a request before it is processed, with their probabilities. */
  before: { fault: InjectedFault; probability: number }[];
  /** Probability that a processed write is answered 502 anyway. */
  afterCommit502: number;
  latencyMs: [number, number] | undefined;
  seed: number;
}

function probability(key: string, raw: string): number {
  const p = Number(raw);
  if (raw === '' || !Number.isFinite(p) || p < 0 || p > 1)
    throw new Error(`Fault "${key}" needs a probability between 0 and 1, got "${raw}".`);
  return p;
}

export function parseFaultSpec(spec: string): FaultPlan {
  const plan: FaultPlan = { before: [], afterCommit502: 0, latencyMs: undefined, seed: 1 };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key = '', value = ''] = part.split('=', 2).map((s) => s.trim());
    if (key === 'seed') {
      plan.seed = Number.parseInt(value, 10);
      if (!Number.isSafeInteger(plan.seed)) throw new Error(`Fault seed must be an integer, got "${value}".`);
    } else if (key === 'latency') {
      const match = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!match) throw new Error(`Fault latency must be "MIN-MAX" milliseconds, got "${value}".`);
      const min = Number(match[1]);
      const max = Number(match[2] ?? match[1]);
      if (max < min) throw new Error(`Fault latency range "${value}" is reversed.`);
      plan.latencyMs = [min, max];
    } else if (key === 'after-commit-502') {
      plan.afterCommit502 = probability(key, value);
    } else if (key === 'reset' || key === 'timeout') {
      plan.before.push({ fault: { kind: key }, probability: probability(key, value) });
    } else if (/^(429|5\d\d)$/.test(key)) {
      plan.before.push({ fault: { kind: 'status', status: Number(key) }, probability: probability(key, value) });
    } else {
      throw new Error(`Unknown fault "${key}": use 429, 5xx codes, reset, timeout, latency, after-commit-502 or seed.`);
    }
  }
  const total = plan.before.reduce((sum, f) => sum + f.probability, 0);
  if (total > 1) throw new Error(`Fault probabilities add up to ${total}, more than 1.`);
  return plan;
}

/** mulberry32: small, fast and good enough to spread faults evenly. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;

  constructor(private readonly plan: FaultPlan) {
    this.random = prng(plan.seed);
  }

  /** One draw per request: the fault that stops it before processing, if any. */
  beforeProcessing(): InjectedFault | undefined {
    let r = this.random();
    for (const { fault, probability } of this.plan.before) {
      if (r < probability) return fault;
      r -= probability;
    }
    return undefined;
  }

  /** One draw per processed write: answer 502 although the write happened. */
  failAfterCommit(): boolean {
    return this.plan.afterCommit502 > 0 && this.random() < this.plan.afterCommit502;
  }

  latencyMs(): number {
    if (!this.plan.latencyMs) return 0;
    const [min, max] = this.plan.latencyMs;
    return min + Math.floor(this.random() * (max - min + 1));
  }
}

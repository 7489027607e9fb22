/**
 * Properties over generated input, extending test/core/scoring and test/core/domains (which cover the
 * default model and well-formed websites): any valid scoring model, the mapping from raw events to
 * signals, and emails with hostile characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/index.js';
import { emailDomain, normaliseDomain, normaliseEmail } from '../../src/core/domains/normalise.js';
import { InvalidEventError } from '../../src/core/errors.js';
import { TIER_BOUNDS, scoreSignals, scoringModelSchema, type ScoringModel } from '../../src/core/scoring/index.js';
import { mapEvent } from '../../src/mapping/map-event.js';

/** Any model the configuration accepts: 1 to 8 distinct snake_case keys, whole weights summing to 100. */
const modelArb: fc.Arbitrary<ScoringModel> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), { minLength: 1, maxLength: 8 })
  .chain((keys) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: keys.length, maxLength: keys.length }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          minLength: keys.length,
          maxLength: keys.length,
        }),
      )
      .map(([raw, thresholds]) => {
        // Scale the raw weights to whole numbers summing to 100, each at least 1.
        const total = raw.reduce((a, b) => a + b, 0);
        const weights = raw.map((w) => Math.max(1, Math.floor((w / total) * (100 - keys.length)) + 1));
        const last = weights.length - 1;
        weights[last] = (weights[last] ?? 0) + 100 - weights.reduce((a, b) => a + b, 0);
        return keys.map((key, i) => ({
          key,
          label: key.replace(/_/g, ' '),
          weight: weights[i] ?? 1,
          threshold: thresholds[i] ?? 0,
        }));
      }),
  )
  .filter((signals) => signals.every((s) => s.weight > 0))
  .map((signals) => scoringModelSchema.parse({ signals }));

const countArb = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
const signalsFor = (model: ScoringModel) =>
  fc.dictionary(fc.constantFrom(...model.signals.map((s) => s.key)), countArb);
const withSignals = fc
  .tuple(modelArb, fc.integer({ min: 0, max: 100 }))
  .chain(([model, threshold]) => fc.tuple(fc.constant(model), fc.constant(threshold), signalsFor(model)));

describe('scoring under any valid model', () => {
  it('scores within 0..100, tiers by the bounds and qualifies exactly at the threshold', () => {
    fc.assert(
      fc.property(withSignals, ([model, threshold, signals]) => {
        const { score, tier, qualified } = scoreSignals(signals, model, threshold);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(tier).toBe(score >= TIER_BOUNDS.hot ? 'hot' : score >= TIER_BOUNDS.warm ? 'warm' : 'cold');
        expect(qualified).toBe(score >= threshold);
      }),
    );
  });

  it('is monotone in every signal: raising any one never lowers the score', () => {
    fc.assert(
      fc.property(withSignals, fc.nat(), countArb, ([model, threshold, signals], pick, increase) => {
        const key = model.signals[pick % model.signals.length]?.key ?? '';
        const grown = { ...signals, [key]: (signals[key] ?? 0) + increase };
        expect(scoreSignals(grown, model, threshold).score).toBeGreaterThanOrEqual(
          scoreSignals(signals, model, threshold).score,
        );
      }),
    );
  });

  it('reaches 100 when every signal is at its threshold and 0 when none is reported', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        expect(scoreSignals(Object.fromEntries(model.signals.map((s) => [s.key, s.threshold])), model).score).toBe(100);
        expect(scoreSignals({}, model).score).toBe(0);
      }),
    );
  });

  it('explains the score: the +weights in the explanation sum to it, one part per signal in model order', () => {
    fc.assert(
      fc.property(withSignals, ([model, threshold, signals]) => {
        const result = scoreSignals(signals, model, threshold);
        const parts = result.explanation.replace(/ — score \d+\/100$/, '').split(', ');
        expect(parts).toHaveLength(model.signals.length);
        parts.forEach((part, i) => expect(part.startsWith(model.signals[i]?.label ?? '?')).toBe(true));
        const sum = parts.reduce((total, part) => total + Number(/ \+(\d+)$/.exec(part)?.[1] ?? Number.NaN), 0);
        expect(sum).toBe(result.score);
        expect(result.explanation.endsWith(`score ${result.score}/100`)).toBe(true);
      }),
    );
  });
});

describe('mapping usage events to signals', () => {
  const config = parseConfig({ apiKey: 'k' }, {});
  const keys = config.scoringModel.signals.map((s) => s.key);
  const usage = (properties: Record<string, unknown>) => ({
    type: 'track',
    event: 'Usage Summary',
    messageId: 'm-1',
    userId: 'u-1',
    timestamp: '2024-11-05T10:00:00.000Z',
    context: { traits: { email: '  Ada@Acme.IO ' } },
    properties,
  });
  const junkKey = fc.string({ maxLength: 12 }).filter((k) => !keys.includes(k));

  it('carries exactly the model’s signals it was sent, normalised email, and scores them as sent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), countArb, { minKeys: 1 }),
        fc.dictionary(junkKey, fc.anything()),
        (signals, junk) => {
          const [intent] = mapEvent(usage({ ...junk, ...signals }), config);
          expect(intent).toMatchObject({ kind: 'pql', person: { email: 'ada@acme.io' }, signals });
          expect(Object.keys(intent?.kind === 'pql' ? intent.signals : {}).sort()).toEqual(Object.keys(signals).sort());
        },
      ),
    );
  });

  it('rejects a negative, non-finite or non-number signal naming properties.<key>, whatever else the event holds', () => {
    const bad = fc.oneof(
      fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 'NaN', 'Infinity', true, [7], { $gt: 0 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        bad,
        fc.dictionary(fc.constantFrom(...keys), countArb),
        (key, value, others) => {
          let error: unknown;
          try {
            mapEvent(usage({ ...others, [key]: value }), config);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(InvalidEventError);
          expect((error as InvalidEventError).field).toBe(`properties.${key}`);
        },
      ),
    );
  });
});

describe('email normalisation against hostile characters', () => {
  const host = fc.stringMatching(/^[a-z][a-z0-9]{1,10}\.(io|com|co\.uk)$/);
  const control = fc.integer({ min: 0, max: 0x1f }).chain((c) => fc.constantFrom(String.fromCharCode(c), '\u007f'));

  it('never accepts an address with a control character in it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9.]{1,10}$/),
        control,
        fc.nat({ max: 10 }),
        host,
        (local, bad, at, domain) => {
          // Inside the address: leading whitespace is trimmed off as padding, as it should be.
          const position = Math.max(1, Math.min(at, local.length));
          expect(normaliseEmail(`${local.slice(0, position)}${bad}${local.slice(position)}@${domain}`)).toBeUndefined();
        },
      ),
    );
  });

  it('what it accepts is trimmed, lowercased, idempotent, and its domain is a normalised domain', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.stringMatching(/^[A-Za-z0-9._%+-]{1,12}$/),
        host,
        (noise, local, domain) => {
          for (const input of [noise, `${local}@${domain.toUpperCase()}`, ` ${local}@${domain} `]) {
            const email = normaliseEmail(input);
            if (email === undefined) continue;
            expect(email).toBe(input.trim().toLowerCase());
            expect(normaliseEmail(email)).toBe(email);
            const own = emailDomain(email);
            expect(own !== undefined && normaliseDomain(own)).toBe(own);
          }
        },
      ),
    );
  });
});

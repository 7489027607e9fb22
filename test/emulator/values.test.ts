import { describe, expect, it } from 'vitest';
import type { AttributeDef } from '../../src/emulator/model.js';
import { createWorkspace } from '../../src/emulator/seeds.js';
import { parseValues } from '../../src/emulator/values.js';

// The seeds have no checkbox attribute, so its parsing is checked on the parser itself.
const ws = createWorkspace('empty');
const people = ws.objects.find((o) => o.slug === 'people');
if (!people) throw new Error('people object missing from the seed');
const checkbox: AttributeDef = {
  ...people.attributes[0]!,
  slug: 'is_customer',
  type: 'checkbox',
  isMultiselect: false,
  isUnique: false,
  isRequired: false,
  isSystem: false,
};
const ctx = { ws, now: '2024-01-01T00:00:00.000000000Z', actor: { type: 'api-token' as const, id: ws.tokenId } };

describe('checkbox values', () => {
  it('take a boolean, bare, in an array or as {value}', () => {
    for (const raw of [true, [true], [{ value: true }]]) {
      expect(parseValues(ctx, people, checkbox, raw).map((v) => v.fields)).toEqual([{ value: true }]);
    }
    expect(parseValues(ctx, people, checkbox, [false]).map((v) => v.fields)).toEqual([{ value: false }]);
  });

  it('reject strings such as "true" with validation_type', () => {
    expect(() => parseValues(ctx, people, checkbox, ['true'])).toThrow(
      expect.objectContaining({ code: 'validation_type', status: 400 }),
    );
  });

  it('clear with null or []', () => {
    expect(parseValues(ctx, people, checkbox, null)).toEqual([]);
    expect(parseValues(ctx, people, checkbox, [])).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles, renderInterface } from './generate-types.js';

describe('payload types stay in step with the fields', () => {
  for (const [file, expected] of generatedFiles()) {
    it(`${file} is what generate-types renders from the current fields`, () => {
      const path = new URL(`../../../src/destinations/segment/${file}`, import.meta.url);
      // On failure: npm run generate:segment-types (this test with UPDATE_GENERATED=1 writes the files).
      if (process.env.UPDATE_GENERATED === '1') writeFileSync(path, expected);
      expect(readFileSync(path, 'utf8')).toBe(expected);
    });
  }

  it('renders required fields as required, others optional, multiple values as arrays', () => {
    const text = renderInterface('Payload', {
      id: { label: 'ID', description: 'The id.', type: 'string', required: true },
      reps: { label: 'Reps', description: 'Reps.', type: 'string', multiple: true },
      at: { label: 'At', description: 'When.', type: 'datetime' },
      extra: {
        label: 'Extra',
        description: 'More.',
        type: 'object',
        properties: { n: { label: 'N', type: 'number' } },
      },
    });
    expect(text).toContain('  id: string;');
    expect(text).toContain('  reps?: string[];');
    expect(text).toContain('  at?: string | number;');
    expect(text).toContain('  extra?: { n?: number; [k: string]: unknown };');
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/index.js';
import { InvalidEventError } from '../../src/core/errors.js';
import { mapEvent } from '../../src/mapping/index.js';
import { generateLabelledEvents } from '../../src/sample/generate.js';

/** What the mapping makes of an event as it arrives on the wire (after a JSON round trip). */
function outcome(event: Record<string, unknown>): { result: 'valid' | 'ignored' | 'invalid'; field?: string } {
  const config = parseConfig({ apiKey: 'sample-test' }, {});
  try {
    return { result: mapEvent(JSON.parse(JSON.stringify(event)), config).length > 0 ? 'valid' : 'ignored' };
  } catch (error) {
    if (error instanceof InvalidEventError) return { result: 'invalid', field: error.field };
    throw error;
  }
}

describe('the sample labels agree with the default tracking plan', () => {
  const stream = [...generateLabelledEvents()];

  it('maps every valid event to at least one intent', () => {
    const refused = stream
      .filter((item) => item.expect === 'valid')
      .filter((item) => outcome(item.event).result !== 'valid');
    expect(refused.map((item) => item.event)).toEqual([]);
  });

  it('ignores every ignored event', () => {
    const routed = stream
      .filter((item) => item.expect === 'ignored')
      .filter((item) => outcome(item.event).result !== 'ignored');
    expect(routed.map((item) => item.event)).toEqual([]);
  });

  it('rejects every invalid event naming the labelled field', () => {
    const invalid = stream.filter((item) => item.expect === 'invalid');
    expect(invalid.map((item) => ({ reason: item.reason, ...outcome(item.event) }))).toEqual(
      invalid.map((item) => ({ reason: item.reason, result: 'invalid', field: item.field })),
    );
  });
});

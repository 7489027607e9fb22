/**
 * The destination folders under test/integrations/destinations are written to be copied into
 * rudder-transformer's test/integrations/destinations, whose CI runs `prettier --check .` with its settings
 * (singleQuote, trailing commas, width 100: destinations/.prettierrc restates them). Every file there must
 * already be formatted so, at rudder-transformer's Prettier version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const DESTINATIONS = fileURLToPath(new URL('./destinations/', import.meta.url));
const files = readdirSync(DESTINATIONS, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(DESTINATIONS, file));

describe('destination cases in rudder-transformer’s Prettier style', () => {
  it('the settings are rudder-transformer’s', async () => {
    const options = await prettier.resolveConfig(join(DESTINATIONS, 'attio_plg/router/data.ts'));
    expect(options).toEqual({ trailingComma: 'all', tabWidth: 2, semi: true, singleQuote: true, printWidth: 100 });
  });

  it.each(files)('%s is formatted', async (file) => {
    const options = await prettier.resolveConfig(file);
    expect(await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file })).toBe(true);
  });
});

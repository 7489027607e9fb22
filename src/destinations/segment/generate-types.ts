/**
 * Writes each action's `generated-types.ts` (and the settings') from the field definitions, as Segment's
 * `./bin/run generate:types` does, so payload types never drift from the fields. Run after a build:
 * `node dist/destinations/segment/generate-types.js`. A test renders the same text and compares it with the
 * committed files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GlobalSetting, InputField } from '@segment/actions-core';
import destination from './index.js';
import { settingsFields } from './settings.js';

type Field = InputField | GlobalSetting;

const HEADER = '// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.\n';

function scalarType(field: Field): string {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'password':
      return 'string';
    case 'datetime':
      return 'string | number';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object': {
      const properties = Object.entries('properties' in field ? (field.properties ?? {}) : {}).map(
        ([key, property]) => `${key}?: ${scalarType(property as Field)}`,
      );
      return `{ ${[...properties, '[k: string]: unknown'].join('; ')} }`;
    }
  }
}

function fieldType(field: Field): string {
  const type = scalarType(field);
  return field.multiple === true ? `${type.includes(' ') ? `(${type})` : type}[]` : type;
}

/** The TypeScript interface `name` for `fields`: required fields are required, every other key optional. */
export function renderInterface(name: string, fields: Record<string, Field>): string {
  const members = Object.entries(fields).map(([key, field]) => {
    const optional = field.required === true ? '' : '?';
    return `  /**\n   * ${field.description ?? field.label}\n   */\n  ${key}${optional}: ${fieldType(field)};`;
  });
  return `${HEADER}\nexport interface ${name} {\n${members.join('\n')}\n}\n`;
}

/** Every generated file, by path relative to this folder. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>([['generated-types.ts', renderInterface('Settings', settingsFields)]]);
  for (const [slug, action] of Object.entries(destination.actions)) {
    files.set(`${slug}/generated-types.ts`, renderInterface('Payload', action.fields as Record<string, InputField>));
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // From dist/destinations/segment/ back to the sources this file was built from.
  const sources = new URL('../../../src/destinations/segment/', import.meta.url);
  for (const [file, text] of generatedFiles()) {
    writeFileSync(fileURLToPath(new URL(file, sources)), text);
    process.stdout.write(`wrote src/destinations/segment/${file}\n`);
  }
}

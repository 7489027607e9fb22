/**
 * Renders each action's `generated-types.ts` (and the settings') from the field definitions, as Segment's
 * `./bin/run generate:types` does, so payload types never drift from the fields. A test compares the
 * rendering with the committed files; `npm run generate:segment-types` writes them (a test tool: Segment
 * generates these with its own CLI when the destination moves into action-destinations).
 */
import type { GlobalSetting, InputField } from '@segment/actions-core';
import destination from '../../../src/destinations/segment/index.js';
import { settingsFields } from '../../../src/destinations/segment/settings.js';

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
        ([key, property]) => `${key}${property.required === true ? '' : '?'}: ${fieldType(property as Field)}`,
      );
      const closed = 'additionalProperties' in field && field.additionalProperties === false;
      return `{ ${[...properties, ...(closed ? [] : ['[k: string]: unknown'])].join('; ')} }`;
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

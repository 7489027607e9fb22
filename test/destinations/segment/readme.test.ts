/**
 * The Segment page of the docs (docs/segment.md) shows the settings screen and every action's mapping screen
 * as a marketer sees them — labels, descriptions, defaults, dropdowns and choices — rendered here from the
 * definition itself, so the page cannot drift from it. `UPDATE_GENERATED=1` (npm run generate:segment-types)
 * rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { GlobalSetting, InputField } from '@segment/actions-core';
import { describe, expect, it } from 'vitest';
import { dropdownOf, type ConfigFieldName, CONFIG_FIELDS } from '../../../src/destinations/segment/config-fields.js';
import { settingsFields } from '../../../src/destinations/segment/settings.js';
import { destination } from '../../support/segment.js';

const README = new URL('../../../docs/segment.md', import.meta.url);
const BEGIN = '<!-- screens: generated from the definition by test/destinations/segment/readme.test.ts -->';
const END = '<!-- /screens -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** A default as the mapping screen shows it: a path, the first of several paths, or a literal. */
function describeDefault(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'object' && value !== null && '@path' in value)
    return code(String((value as { '@path': string })['@path']));
  if (typeof value === 'object' && value !== null && '@if' in value) {
    const { then, else: otherwise } = (value as { '@if': { then: unknown; else?: unknown } })['@if'];
    return `${describeDefault(then)}, else ${describeDefault(otherwise)}`;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'object' && item !== null && 'key' in item)) {
      return value
        .map((s: { key: string; weight: number; threshold: number }) => `${code(s.key)} +${s.weight} at ${s.threshold}`)
        .join(', ');
    }
    return value.map((item) => code(String(item))).join(', ');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, inner]) => `${code(key)} ← ${describeDefault(inner)}`)
      .join(', ');
  }
  return code(String(value));
}

const DROPDOWNS = {
  lists: 'the workspace’s lists',
  dealStages: 'the deals’ stages',
  members: 'the workspace’s members',
} as const;
const ACTION_DROPDOWNS: Record<string, string> = {
  object: 'the workspace’s objects',
  matching_attribute: 'the object’s unique attributes',
  attributes: 'keys: the object’s writable attributes',
};

function choicesOf(field: Pick<InputField, 'choices'>): string | undefined {
  if (field.choices === undefined) return undefined;
  return field.choices
    .map((choice) => (typeof choice === 'object' ? `${choice.label} (${code(String(choice.value))})` : code(choice)))
    .join(' / ');
}

function pickFrom(name: string, field: InputField): string {
  const dropdown = name in CONFIG_FIELDS ? dropdownOf(name as ConfigFieldName) : undefined;
  if (dropdown !== undefined) return `dropdown: ${DROPDOWNS[dropdown]}`;
  if (field.dynamic === true && ACTION_DROPDOWNS[name] !== undefined) return `dropdown: ${ACTION_DROPDOWNS[name]}`;
  const choices = choicesOf(field);
  return choices === undefined ? '' : `one of: ${choices}`;
}

function typeOf(field: InputField | GlobalSetting): string {
  const base = field.type === 'string' ? 'text' : field.type === 'text' ? 'long text' : field.type;
  const multiple = 'multiple' in field && field.multiple === true;
  return `${multiple ? `list of ${base === 'object' ? 'rows' : base}` : base}${field.required === true ? ', required' : ''}`;
}

function settingsScreen(): string {
  const rows = Object.entries(settingsFields).map(
    ([name, s]) => `| **${s.label}** (${code(name)}) | ${typeOf(s)} | ${cell(s.description ?? '')} |`,
  );
  return ['### Settings screen', '', '| Setting | Type | Description |', '|---|---|---|', ...rows].join('\n');
}

function actionScreen(slug: string): string {
  const action = destination.actions[slug]!;
  const preset = (destination.presets ?? []).find((p) => p.partnerAction === slug);
  const trigger =
    action.defaultSubscription === undefined
      ? 'none: subscribe it yourself, with a trigger of your own'
      : code(action.defaultSubscription);
  const rows: string[] = [];
  for (const [name, field] of Object.entries(action.fields)) {
    const label = `**${field.label}** (${code(name)})${field.unsafe_hidden === true ? ', hidden' : ''}`;
    rows.push(
      `| ${label} | ${typeOf(field)} | ${cell(describeDefault(field.default))} | ${cell(pickFrom(name, field))} | ${cell(field.description)} |`,
    );
    for (const [key, property] of Object.entries(field.properties ?? {})) {
      rows.push(
        `| &nbsp;&nbsp;↳ ${property.label} (${code(key)}) | ${typeOf(property as InputField)} | | | ${cell(property.description ?? '')} |`,
      );
    }
  }
  return [
    `### ${action.title} (${code(slug)})`,
    '',
    action.description,
    '',
    `Trigger: ${trigger}.${preset ? ' An automatic preset subscribes it when the destination is connected.' : ' No preset.'}`,
    '',
    '| Field | Type | Default | Pick from | Description |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function renderScreens(): string {
  return [BEGIN, settingsScreen(), ...Object.keys(destination.actions).map(actionScreen), END].join('\n\n');
}

describe('the Segment page of the docs', () => {
  it('shows the settings screen and each action’s fields as the definition has them', () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    expect(start, 'README markers').toBeGreaterThanOrEqual(0);
    const expected = `${text.slice(0, start)}${renderScreens()}${text.slice(end + END.length)}`;
    // On failure: npm run generate:segment-types (this test with UPDATE_GENERATED=1 rewrites the section).
    if (process.env.UPDATE_GENERATED === '1') writeFileSync(README, expected);
    expect(readFileSync(README, 'utf8')).toBe(expected);
  });
});

/** Attribute definitions: one builder for seeds and the creation endpoint, and Attio's rules for creating them. */
import { randomUUID } from 'node:crypto';
import type { AttributeDef, AttributeType, StatusOption } from './model.js';

export interface AttributeSpec {
  slug: string;
  type: AttributeType;
  title?: string;
  description?: string | null;
  multi?: boolean;
  unique?: boolean;
  required?: boolean;
  system?: boolean;
  options?: string[];
  statuses?: string[];
  currency?: string;
  currencyDisplay?: string;
  targets?: string[];
  inverse?: { object: string; attribute: string };
  defaultValue?: unknown;
}

function titleOf(slug: string): string {
  const words = slug.split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function newStatus(
  title: string,
  celebrationEnabled: boolean,
  targetTimeInStatus: string | null = null,
): StatusOption {
  return { id: randomUUID(), title, isArchived: false, celebrationEnabled, targetTimeInStatus };
}

export function newAttribute(spec: AttributeSpec, createdAt: string): AttributeDef {
  return {
    id: randomUUID(),
    slug: spec.slug,
    title: spec.title ?? titleOf(spec.slug),
    description: spec.description ?? null,
    type: spec.type,
    isMultiselect: spec.multi ?? false,
    isUnique: spec.unique ?? false,
    isRequired: spec.required ?? false,
    isSystem: spec.system ?? false,
    options: (spec.options ?? []).map((title) => ({ id: randomUUID(), title, isArchived: false })),
    statuses: (spec.statuses ?? []).map((title) => newStatus(title, title.startsWith('Won'))),
    currencyCode: spec.currency ?? null,
    currencyDisplay: spec.currency ? (spec.currencyDisplay ?? 'symbol') : null,
    allowedObjects: spec.targets ?? [],
    inverse: spec.inverse ?? null,
    defaultValue: spec.defaultValue ?? null,
    createdAt,
  };
}

/**
 * What the API may create, per type (the create operation's `type` enum; personal-name and interaction are
 * Attio's own and absent from it). From Attio's attribute-type docs: text, checkbox and status are always
 * single-select, select may be multi but never unique; people's emails and phones and companies' domains show
 * which identifier types are multi-valued and unique. Types not named as unique-capable are treated as not.
 */
export const CREATABLE_TYPES: Record<string, { multi: boolean; unique: boolean }> = {
  text: { multi: false, unique: true },
  number: { multi: false, unique: true },
  checkbox: { multi: false, unique: false },
  currency: { multi: false, unique: false },
  date: { multi: false, unique: false },
  timestamp: { multi: false, unique: false },
  rating: { multi: false, unique: false },
  status: { multi: false, unique: false },
  select: { multi: true, unique: false },
  'record-reference': { multi: true, unique: false },
  'actor-reference': { multi: true, unique: false },
  location: { multi: false, unique: false },
  domain: { multi: true, unique: true },
  'email-address': { multi: true, unique: true },
  'phone-number': { multi: true, unique: true },
};

/** Attio's api_slug is snake case: lower-case words of letters and digits joined by single underscores. */
export const API_SLUG = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** ISO 8601 durations as the statuses operation's `target_time_in_status` pattern describes them. */
export const ISO_DURATION =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;

export const CURRENCY_CODES = new Set([
  'ARS',
  'AUD',
  'BRL',
  'BEL',
  'CAD',
  'CLP',
  'CNY',
  'COP',
  'CZK',
  'DKK',
  'EUR',
  'HKD',
  'ISK',
  'INR',
  'ILS',
  'JPY',
  'KRW',
  'MYR',
  'MXN',
  'NTD',
  'NZD',
  'NGN',
  'NOK',
  'XPF',
  'PEN',
  'PHP',
  'PLN',
  'GBP',
  'RWF',
  'SAR',
  'SGD',
  'ZAR',
  'SEK',
  'CHF',
  'AED',
  'UYU',
  'USD',
]);
export const CURRENCY_DISPLAY_TYPES = new Set(['code', 'name', 'narrowSymbol', 'symbol']);

import { describe, expect, it } from 'vitest';
import type { AttioRecord } from '../../../src/core/attio/schemas.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { forgetRecords } from '../../../src/core/workflows/merges.js';
import { heldByReps, lastSetByMember, ownerOf } from '../../../src/core/workflows/ownership.js';
import { createRecordCaches } from '../../../src/core/workflows/record-caches.js';

const member = { type: 'workspace-member', id: 'm1' };
const token = { type: 'api-token', id: 't1' };

function value(actor: object, activeFrom: string, fields: object, activeUntil: string | null = null) {
  return { active_from: activeFrom, active_until: activeUntil, created_by_actor: actor, ...fields };
}

const person: AttioRecord = {
  id: { workspace_id: 'w', object_id: 'o', record_id: 'p1' },
  created_at: '2024-11-01T00:00:00.000Z',
  values: {
    // The rep's correction ended the connector's value: the active one is theirs.
    name: [
      value(token, '2024-11-01T00:00:00Z', { full_name: 'Jane Doe' }, '2024-11-02T00:00:00Z'),
      value(member, '2024-11-02T00:00:00Z', { full_name: 'Janet Doe' }),
    ],
    // Written by the rep, then by the connector: the latest is the connector's.
    job_title: [value(token, '2024-11-03T00:00:00Z', { value: 'Product Lead' })],
    // A rep's score: the product owns scores.
    pql_score: [value(member, '2024-11-02T00:00:00Z', { value: 5 })],
    // Multi-value: the latest of the active values counts.
    milestones_completed: [
      value(member, '2024-11-01T00:00:00Z', { option: { title: 'data_imported' } }),
      value(token, '2024-11-04T00:00:00Z', { option: { title: 'first_integration' } }),
    ],
    custom_notes: [value(member, '2024-11-01T00:00:00Z', { value: 'met at a conference' })],
  },
};

describe('rep edits win: who wrote a value, and who owns it', () => {
  it('reads who wrote the latest active value of each attribute', () => {
    expect(lastSetByMember(person, 'name')).toBe(true);
    expect(lastSetByMember(person, 'job_title')).toBe(false);
    expect(lastSetByMember(person, 'milestones_completed')).toBe(false);
    expect(lastSetByMember(person, 'plan_type')).toBe(false);
  });

  it('holds what a rep wrote last unless the product owns it; an unlisted attribute is the reps', () => {
    const config = parseConfig({ apiKey: 'k' }, {});
    expect(ownerOf(config, 'people', 'custom_notes')).toBe('reps');
    expect([...heldByReps(config, 'people', person)].sort()).toEqual(['custom_notes', 'name']);
    const productNames = parseConfig({ apiKey: 'k', ownership: { 'people.name': 'product' } }, {});
    expect([...heldByReps(productNames, 'people', person)]).toEqual(['custom_notes']);
    const repScores = parseConfig({ apiKey: 'k', ownership: { 'people.pql_score': 'reps' } }, {});
    expect(heldByReps(repScores, 'people', person).has('pql_score')).toBe(true);
  });
});

describe('forgetRecords', () => {
  it('drops every cached record that names a merged record, and nothing else', () => {
    const caches = createRecordCaches(300);
    caches.companies.set('acme.com', { id: 'c1', name: 'Acme' });
    caches.companies.set('acme.io', { id: 'c2', name: 'Acme' });
    caches.companies.set('other.com', { id: 'c3' });
    caches.users.set('u1', { id: 'user1', personId: 'p1' });
    caches.users.set('u2', { id: 'user2', personId: 'p9' });
    caches.workspaces.set('w1', { id: 'ws1', companyId: 'c2' });
    expect(forgetRecords(caches, new Set(['c1', 'c2', 'p1']))).toBe(4);
    expect(caches.companies.get('other.com')).toEqual({ id: 'c3' });
    expect([caches.companies.get('acme.com'), caches.companies.get('acme.io')]).toEqual([undefined, undefined]);
    expect(caches.users.get('u1')).toBeUndefined();
    expect(caches.users.get('u2')).toEqual({ id: 'user2', personId: 'p9' });
    expect(caches.workspaces.get('w1')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/index.js';
import { InvalidEventError } from '../../src/core/errors.js';
import {
  assertRecordFromFields,
  attributeValues,
  extraAttributesIntent,
  groupFromFields,
  handoffFromFields,
  identifyFromFields,
  milestoneFromFields,
  pqlFromFields,
  signupFromFields,
} from '../../src/mapping/from-fields.js';

const config = parseConfig({ apiKey: 'test-key' }, {});
const delivery = { message_id: 'm-1', timestamp: '2024-05-01T09:30:00Z' };
const at = '2024-05-01T09:30:00.000Z';

function rejection(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof InvalidEventError) return error.message;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('intents from flat field values', () => {
  it('signup: normalised email, split name, signup date from the timestamp, the configured source by default', () => {
    expect(
      signupFromFields(
        {
          ...delivery,
          email: ' Ada@Acme.DEV ',
          user_id: 42,
          name: 'Ada  King Lovelace',
          company_domain: 'https://www.Acme.dev/x',
        },
        config,
      ),
    ).toEqual({
      kind: 'signup',
      messageId: 'm-1',
      timestamp: at,
      person: { email: 'ada@acme.dev', userId: '42' },
      profile: {
        name: { firstName: 'Ada', lastName: 'King Lovelace', fullName: 'Ada King Lovelace' },
        signupDate: '2024-05-01',
        signupSource: 'product',
        companyDomain: 'acme.dev',
      },
    });
  });

  it('milestone: from the field, else routed from the event name by the configuration', () => {
    const person = { email: 'ada@acme.dev' };
    expect(milestoneFromFields({ ...delivery, ...person, event_name: 'Integration Connected' }, config).milestone).toBe(
      'first_integration',
    );
    expect(
      milestoneFromFields({ ...delivery, ...person, event_name: 'Milestone Reached', milestone: 'custom_step' }, config)
        .milestone,
    ).toBe('custom_step');
    expect(rejection(() => milestoneFromFields({ ...delivery, ...person, event_name: 'Clicked' }, config))).toMatch(
      /^milestone: is required when the event is not one of: Onboarding Completed, /,
    );
  });

  it('pql: only the model’s signals, each a count; at least one', () => {
    expect(pqlFromFields({ ...delivery, user_id: 'u-1', signals: { logins_7d: 6, other: 'x' } }, config)).toEqual({
      kind: 'pql',
      messageId: 'm-1',
      timestamp: at,
      person: { userId: 'u-1' },
      signals: { logins_7d: 6 },
    });
    expect(rejection(() => pqlFromFields({ ...delivery, user_id: 'u-1', signals: { logins_7d: '6' } }, config))).toBe(
      'signals.logins_7d: must be a number, got a string',
    );
    expect(rejection(() => pqlFromFields({ ...delivery, user_id: 'u-1', signals: {} }, config))).toMatch(
      /^signals: must carry at least one scoring signal/,
    );
  });

  it('handoff: the request, value, plan and reason', () => {
    expect(
      handoffFromFields({
        ...delivery,
        email: 'ada@acme.dev',
        event_name: 'Demo Requested',
        value: 1200,
        reason: 'Needs SSO',
      }),
    ).toEqual({
      kind: 'handoff',
      messageId: 'm-1',
      timestamp: at,
      person: { email: 'ada@acme.dev' },
      eventName: 'Demo Requested',
      value: 1200,
      reason: 'Needs SSO',
    });
  });

  it('identify: the profile, plus a PQL intent when signals are present', () => {
    const intents = identifyFromFields(
      { ...delivery, email: 'ada@acme.dev', title: 'CTO', created_at: 1714555800000, signals: { team_invites: 3 } },
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'identify',
        messageId: 'm-1',
        timestamp: at,
        person: { email: 'ada@acme.dev' },
        profile: { jobTitle: 'CTO', signupDate: '2024-05-01' },
      },
      { kind: 'pql', messageId: 'm-1', timestamp: at, person: { email: 'ada@acme.dev' }, signals: { team_invites: 3 } },
    ]);
  });

  it('group: the account with its host-only domain and who called', () => {
    expect(
      groupFromFields(
        { ...delivery, group_id: 7, domain: 'http://Globex.io:8080/', name: 'Globex', user_id: 'u-1' },
        config,
      ),
    ).toEqual({
      kind: 'group',
      messageId: 'm-1',
      timestamp: at,
      groupId: '7',
      person: { userId: 'u-1' },
      company: { name: 'Globex', domain: 'globex.io' },
      signals: {},
    });
  });

  it('assertRecord: scalars become one-element arrays, absent values are left out, the matching value is required', () => {
    expect(
      assertRecordFromFields({
        object: 'users',
        matching_attribute: 'user_id',
        attributes: { user_id: 'u-1', tags: ['a', 'b'], note: '', gone: null },
      }),
    ).toEqual({
      kind: 'assertRecord',
      object: 'users',
      matchingAttribute: 'user_id',
      values: { user_id: ['u-1'], tags: ['a', 'b'] },
    });
    expect(
      rejection(() =>
        assertRecordFromFields({ object: 'users', matching_attribute: 'user_id', attributes: { name: 'x' } }),
      ),
    ).toBe('attributes.user_id: is required: the matching attribute needs a value');
  });

  it('extra attributes: none mapped means no intent; keys must be attribute slugs', () => {
    expect(
      extraAttributesIntent({}, 'person_attributes', {
        object: 'people',
        matchingAttribute: 'email_addresses',
        matchingValue: 'a@b.co',
      }),
    ).toBeUndefined();
    expect(
      extraAttributesIntent({ linkedin: 'ada' }, 'person_attributes', {
        object: 'people',
        matchingAttribute: 'email_addresses',
        matchingValue: 'a@b.co',
      }),
    ).toEqual({
      kind: 'assertRecord',
      object: 'people',
      matchingAttribute: 'email_addresses',
      values: { linkedin: ['ada'], email_addresses: ['a@b.co'] },
    });
    expect(rejection(() => attributeValues(JSON.parse('{"__proto__":"x"}'), 'person_attributes'))).toBe(
      'person_attributes.__proto__: is not an Attio attribute slug or id',
    );
    expect(rejection(() => attributeValues(['x'], 'attributes'))).toBe(
      'attributes: must be an object of attribute slug -> value',
    );
  });

  it('names the field in every rejection', () => {
    expect(rejection(() => signupFromFields({ ...delivery, user_id: 'u-1' }, config))).toBe(
      'email: is required for a signup',
    );
    expect(rejection(() => handoffFromFields({ ...delivery, event_name: 'Demo Requested' }))).toBe(
      'email: is required when no user_id is given',
    );
    expect(
      rejection(() => handoffFromFields({ ...delivery, email: 'a@b.co', event_name: 'Demo Requested', value: -1 })),
    ).toBe('value: must be >= 0');
    expect(rejection(() => groupFromFields({ timestamp: delivery.timestamp, group_id: 'g' }, config))).toBe(
      'message_id: is required',
    );
    expect(
      rejection(() => signupFromFields({ ...delivery, email: 'a@b.co', timestamp: '2024-02-30T00:00:00Z' }, config)),
    ).toBe('timestamp: is not a real date and time');
  });
});

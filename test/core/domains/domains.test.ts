import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailDomain, isPersonalDomain, normaliseDomain, normaliseEmail } from '../../../src/core/domains/index.js';

describe('normaliseDomain', () => {
  const cases: Array<[string, string]> = [
    ['https://www.Acme.com/pricing', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['ACME.COM.', 'acme.com'],
    ['http://app.acme.io:8080/login?next=/home#top', 'app.acme.io'],
    ['www.acme.co.uk', 'acme.co.uk'],
    ['//www.acme.com', 'acme.com'],
    ['  acme.com/  ', 'acme.com'],
    ['https://user:pw@acme.com', 'acme.com'],
    ['www.com', 'www.com'],
    ['https://münchen.de', 'xn--mnchen-3ya.de'],
  ];
  for (const [input, expected] of cases) {
    it(`reduces ${JSON.stringify(input)} to ${expected}`, () => {
      expect(normaliseDomain(input)).toBe(expected);
    });
  }

  for (const junk of [
    '',
    'localhost',
    'http://localhost:3000',
    '10.0.0.1',
    'https://[::1]/',
    'acme',
    'not a domain',
    'acme..com',
    '-acme.com',
    'https://',
  ]) {
    it(`returns undefined for ${JSON.stringify(junk)}`, () => {
      expect(normaliseDomain(junk)).toBeUndefined();
    });
  }
});

describe('emails', () => {
  it('normalises an email by trimming and lowercasing it', () => {
    expect(normaliseEmail('  Ada.Lovelace+crm@Acme.COM ')).toBe('ada.lovelace+crm@acme.com');
  });

  for (const bad of [
    'ada',
    'ada@',
    '@acme.com',
    'ada@localhost',
    'ada lovelace@acme.com',
    'ada@acme',
    'a@b@acme.com',
    `${'a'.repeat(65)}@acme.com`,
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(normaliseEmail(bad)).toBeUndefined();
    });
  }

  it('takes the normalised domain of an email', () => {
    expect({ valid: emailDomain('Ada@Acme.COM'), invalid: emailDomain('ada') }).toEqual({
      valid: 'acme.com',
      invalid: undefined,
    });
  });
});

describe('isPersonalDomain', () => {
  for (const domain of [
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'hotmail.com',
    'yahoo.com',
    'icloud.com',
    'proton.me',
    'protonmail.com',
    'aol.com',
    'gmx.de',
    'gmx.ch',
    'mail.ru',
    'yandex.ru',
    'qq.com',
    '163.com',
    'GMail.com',
  ]) {
    it(`knows ${domain} is personal`, () => {
      expect(isPersonalDomain(domain)).toBe(true);
    });
  }

  for (const domain of ['acme.com', 'attio.com', 'stripe.com', 'gmx', 'notgmail.com']) {
    it(`treats ${domain} as a company domain`, () => {
      expect(isPersonalDomain(domain)).toBe(false);
    });
  }

  it('adds the configured extra personal domains', () => {
    expect({
      extra: isPersonalDomain('fastmail.fm', ['fastmail.fm']),
      without: isPersonalDomain('acme-mail.com'),
    }).toEqual({
      extra: true,
      without: false,
    });
  });
});

describe('normalisation properties', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const host = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
    .map(([labels, tld]) => [...labels, tld].join('.'));
  const website = fc
    .tuple(
      fc.constantFrom('', 'http://', 'https://', 'HTTPS://', '//'),
      fc.constantFrom('', 'www.', 'WWW.'),
      host,
      fc.constantFrom('', ':8080', '/', '/pricing?x=1', '.'),
    )
    .map(([scheme, www, h, tail]) => `${scheme}${www}${h.toUpperCase()}${tail}`);

  it('normaliseDomain is idempotent on websites', () => {
    fc.assert(
      fc.property(website, (input) => {
        const once = normaliseDomain(input);
        return once !== undefined && normaliseDomain(once) === once;
      }),
    );
  });

  it('normaliseDomain is idempotent on any string it accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const once = normaliseDomain(input);
        return once === undefined || normaliseDomain(once) === once;
      }),
    );
  });

  it('normaliseEmail is idempotent', () => {
    const local = fc.stringMatching(/^[A-Za-z0-9._%+-]{1,20}$/);
    const email = fc
      .tuple(fc.constantFrom('', ' ', '\t'), local, host)
      .map(([pad, l, h]) => `${pad}${l}@${h.toUpperCase()}${pad}`);
    fc.assert(
      fc.property(fc.oneof(email, fc.string({ maxLength: 40 })), (input) => {
        const once = normaliseEmail(input);
        return once === undefined || normaliseEmail(once) === once;
      }),
    );
  });
});

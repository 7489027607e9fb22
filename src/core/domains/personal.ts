import providerList from 'email-providers';

/**
 * Free-mail and disposable-mail domains. A person on one of these never creates or links a company
 * (docs/configuration.md, `personalDomains`). The maintained list comes from `email-providers`, whose entry point exports its
 * `all.json`: imported without `import.meta` or a JSON import attribute, so that this file also compiles
 * as CommonJS (the Segment destination's bundle inlines the JSON, see scripts/build-cjs.mjs).
 */
function loadProviderList(): readonly string[] {
  const list: unknown = providerList;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new TypeError('email-providers/all.json is not a list of domain names');
  }
  return list;
}

/** Providers we must recognise even if the upstream list ever drops them. */
const LOCAL_PERSONAL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
];

const PERSONAL_DOMAINS: ReadonlySet<string> = new Set([...loadProviderList(), ...LOCAL_PERSONAL_DOMAINS]);

/** GMX runs the same free-mail service under many country TLDs (gmx.de, gmx.net, gmx.at, ...). */
const PERSONAL_FIRST_LABELS: ReadonlySet<string> = new Set(['gmx']);

/**
 * Whether `domain` is a personal (free-mail) domain: the maintained list, the local overrides, and the
 * caller's `extra` domains (the `extraPersonalDomains` setting). Case-insensitive.
 */
export function isPersonalDomain(domain: string, extra: readonly string[] = []): boolean {
  const host = domain.trim().toLowerCase().replace(/\.$/, '');
  if (PERSONAL_DOMAINS.has(host)) return true;
  const [firstLabel = '', ...rest] = host.split('.');
  if (rest.length > 0 && PERSONAL_FIRST_LABELS.has(firstLabel)) return true;
  return extra.some((entry) => entry.trim().toLowerCase() === host);
}

/** Email and domain normalisation as Attio stores them. */

// Public suffixes with two labels that the demo data can meet; the root domain keeps one more label.
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'com.br',
  'co.in',
  'com.mx',
  'co.za',
  'com.sg',
]);

export function rootDomain(domain: string): string {
  const labels = domain.split('.');
  if (labels.length <= 2) return domain;
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Attio keeps the host of whatever it is given: scheme, port, path, query and fragment go; case folds. */
export function normaliseDomain(input: string): string | undefined {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return undefined;
  return host;
}

export interface ParsedEmail {
  original_email_address: string;
  email_address: string;
  email_domain: string;
  email_root_domain: string;
  email_local_specifier: string;
}

const EMAIL = /^([^\s@]+)@([^\s@]+\.[^\s@]+)$/;

export function parseEmail(input: string): ParsedEmail | undefined {
  const original = input.trim();
  const match = EMAIL.exec(original.toLowerCase());
  if (!match) return undefined;
  const [, local = '', domain = ''] = match;
  if (normaliseDomain(domain) !== domain) return undefined;
  return {
    original_email_address: original,
    email_address: `${local}@${domain}`,
    email_domain: domain,
    email_root_domain: rootDomain(domain),
    // Attio drops a "+tag" from the local part it reports as the specifier.
    email_local_specifier: local.split('+', 1)[0] ?? local,
  };
}

/**
 * Domain and email normalisation. A company found through a `group` call's website and one found through
 * a person's email domain must be the same Attio record, so both go through `normaliseDomain` (docs/configuration.md#default-tracking-plan).
 */

const MAX_INPUT_LENGTH = 2000;
const MAX_HOST_LENGTH = 253;
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Printable local part without whitespace, quotes or the characters RFC 5322 reserves. */
// Control characters (NUL, escapes) are never part of an address, though \s does not cover them all.
const LOCAL_PART = /^[^\s@"(),:;<>[\]\\\u0000-\u001f\u007f]+$/;

/**
 * A website, URL or host reduced to its registrable-looking host: lowercase, no scheme, credentials, port,
 * path, query, fragment, trailing dot or leading `www.` — `https://www.Acme.com/pricing` -> `acme.com`.
 * Internationalised names come back in their ASCII (punycode) form. Returns undefined for anything that is
 * not a public domain name: `localhost`, IP addresses, strings without a dot, junk.
 */
export function normaliseDomain(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > MAX_INPUT_LENGTH) return undefined;
  let hostname: string;
  try {
    hostname = new URL(SCHEME.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
  let host = hostname.toLowerCase().replace(/\.$/, '');
  // Only strip `www.` while a real domain remains: `www.com` is itself a domain.
  while (host.startsWith('www.') && host.indexOf('.', 4) !== -1) host = host.slice(4);
  return isPublicHostname(host) ? host : undefined;
}

function isPublicHostname(host: string): boolean {
  if (host.length > MAX_HOST_LENGTH) return false;
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  // At least two labels, each a valid DNS label, and a TLD that is not numeric (which rules out IPv4).
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^[0-9]+$/.test(tld);
}

/**
 * An email address trimmed and lowercased, or undefined when it is not a plausible address (RFC 5321
 * lengths, one `@`, a public domain name). Idempotent: a normalised address normalises to itself.
 */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) return undefined;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (at < 1 || local.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.test(local)) return undefined;
  return isPublicHostname(domain) ? email : undefined;
}

/** The normalised domain of an email address (`Ada@Acme.COM` -> `acme.com`), or undefined if it has none. */
export function emailDomain(email: string): string | undefined {
  const normalised = normaliseEmail(email);
  return normalised === undefined ? undefined : normalised.slice(normalised.lastIndexOf('@') + 1);
}

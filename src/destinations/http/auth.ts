/**
 * Who may deliver: a sender proves it holds one of the receiver's secrets (ATTIO_PLG_WEBHOOK_SECRET, several
 * separated by commas, one per source). The SDKs send theirs as the write key, in HTTP Basic auth with the key
 * as user name and an empty password (Segment's HTTP Tracking API and RudderStack's HTTP API); webhooks send
 * it in an `x-webhook-secret` header or as `Authorization: Bearer`. Comparisons take constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const MIN_SECRET_LENGTH = 16;

/** The secrets in a comma-separated list; each must be long enough to resist guessing. */
export function parseSecrets(list: string): string[] {
  const secrets = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (secrets.length === 0 || secrets.some((s) => s.length < MIN_SECRET_LENGTH)) {
    throw new Error(`each webhook secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secrets;
}

/** The credential a request carries, in whichever of the three forms it uses. */
export function credentialOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-webhook-secret'];
  if (typeof header === 'string') return header;
  const [scheme, value] = (headers.authorization ?? '').split(' ', 2);
  if (value === undefined) return undefined;
  if (/^bearer$/i.test(scheme ?? '')) return value;
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? decoded : decoded.slice(0, colon);
  }
  return undefined;
}

export function isAuthorised(headers: IncomingHttpHeaders, secrets: readonly string[]): boolean {
  const given = credentialOf(headers);
  if (given === undefined || given === '') return false;
  const a = Buffer.from(given);
  // Every secret is compared, so the time taken does not tell which (or whether one) matched.
  let matched = false;
  for (const secret of secrets) {
    const b = Buffer.from(secret);
    if (a.length === b.length && timingSafeEqual(a, b)) matched = true;
  }
  return matched;
}

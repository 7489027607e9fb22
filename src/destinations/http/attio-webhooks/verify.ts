/**
 * Whether a POST really is an Attio webhook delivery, and a new one. Attio signs the raw body with the
 * webhook's secret (hex HMAC-SHA256 in `Attio-Signature`, repeated as `X-Attio-Signature`), so the check
 * needs the body's bytes exactly as they arrived, before any JSON parsing. Several secrets may be valid at
 * once while one is being rotated; each is compared in constant time. Only a signed delivery reaches the
 * replay guard, so an unsigned request can neither claim a key nor learn whether one was seen.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { attioWebhookDeliverySchema, type AttioWebhookDelivery } from './delivery-schema.js';
import type { ReplayGuard } from './replay-guard.js';

export type DeliveryHeaders = Readonly<Record<string, string | string[] | undefined>>;

export type DeliveryVerdict =
  /** Signed and new: take it on, then answer 2xx (or release the key and answer non-2xx). */
  | { kind: 'accepted'; delivery: AttioWebhookDelivery; idempotencyKey: string }
  /** Signed, and seen before: answer 2xx and do nothing more. */
  | { kind: 'replay'; idempotencyKey: string }
  /** Not a delivery to act on: answer `status`; `reason` is for logs (it holds no secret). */
  | { kind: 'rejected'; status: 400 | 401; reason: RejectionReason; message: string };

export type RejectionReason = 'missing-signature' | 'bad-signature' | 'missing-idempotency-key' | 'malformed-delivery';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function header(headers: DeliveryHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') return first.trim();
  }
  return undefined;
}

/** The delivery's signature: `Attio-Signature`, or the copy in `X-Attio-Signature` some proxies keep instead. */
export function signatureOf(headers: DeliveryHeaders): string | undefined {
  return header(headers, 'attio-signature') ?? header(headers, 'x-attio-signature');
}

/**
 * Whether `signature` is the HMAC of `rawBody` under one of `secrets`. Every secret is tried, matched or not,
 * and each comparison takes constant time, so timing tells nothing about the secrets or which one matched.
 */
export function hasValidSignature(rawBody: Buffer | string, signature: string, secrets: readonly string[]): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const given = Buffer.from(signature, 'hex');
  let valid = false;
  // An empty secret would make any sender able to sign: it never counts.
  for (const secret of secrets.filter((s) => s !== '')) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    valid = timingSafeEqual(expected, given) || valid;
  }
  return valid;
}

export interface DeliveryToVerify {
  /** The request body's bytes as received (UTF-8 JSON). */
  rawBody: Buffer | string;
  headers: DeliveryHeaders;
  /** The webhook's signing secrets: the current one, and the previous one while rotating. */
  secrets: readonly string[];
  guard: ReplayGuard;
}

const rejected = (status: 400 | 401, reason: RejectionReason, message: string): DeliveryVerdict => ({
  kind: 'rejected',
  status,
  reason,
  message,
});

/** Signature, then shape, then the replay guard: the verdict the receiver answers by. */
export async function verifyAttioDelivery({
  rawBody,
  headers,
  secrets,
  guard,
}: DeliveryToVerify): Promise<DeliveryVerdict> {
  const signature = signatureOf(headers);
  if (signature === undefined) return rejected(401, 'missing-signature', 'no Attio-Signature header');
  if (!hasValidSignature(rawBody, signature, secrets))
    return rejected(401, 'bad-signature', 'the Attio-Signature does not match the body under any configured secret');
  const idempotencyKey = header(headers, 'idempotency-key');
  if (idempotencyKey === undefined) return rejected(400, 'missing-idempotency-key', 'no Idempotency-Key header');

  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return rejected(400, 'malformed-delivery', 'the body is not JSON');
  }
  const parsed = attioWebhookDeliverySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return rejected(
      400,
      'malformed-delivery',
      `not an Attio delivery: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`,
    );
  }
  if (!(await guard.claim(idempotencyKey))) return { kind: 'replay', idempotencyKey };
  return { kind: 'accepted', delivery: parsed.data, idempotencyKey };
}

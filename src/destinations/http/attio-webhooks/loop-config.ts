/**
 * What closing the loop needs from the operator: the Attio webhook's signing secrets, which deal stages are
 * won and lost, and where product events go (Segment's HTTP Tracking API, RudderStack's HTTP API, a product
 * webhook). These are the operator's settings for `attio-plg serve`, never a hosted platform's workspace
 * setting; the secrets among them come from the environment or files, and are never logged.
 */
import { z } from 'zod';
import { checkApiUrl } from '../../../core/config/api-url.js';

/** Stage titles of the connector's deal pipeline (the `plg-demo` workspace's and Attio's default). */
export const DEFAULT_WON_STAGES = ['Won 🎉', 'Won'];
export const DEFAULT_LOST_STAGES = ['Lost'];

const stageTitles = z.array(z.string().trim().min(1)).min(1);
// Write keys and signatures travel with every request: https, or http only to this machine.
const sinkUrl = z.string().superRefine((url, ctx) => {
  const checked = checkApiUrl(url);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
});

/** The non-secret settings, as a JSON file (`serve --close-the-loop FILE.json`) gives them. */
export const closeTheLoopSettingsSchema = z
  .object({
    dealStages: z
      .object({
        won: stageTitles.default(DEFAULT_WON_STAGES),
        lost: stageTitles.default(DEFAULT_LOST_STAGES),
      })
      .strict()
      .default({ won: DEFAULT_WON_STAGES, lost: DEFAULT_LOST_STAGES }),
    /** Segment's HTTP Tracking API: the host (e.g. https://api.segment.io, or events.eu1.segmentapis.com). */
    segment: z.object({ host: sinkUrl }).strict().optional(),
    /** RudderStack's HTTP API: the data plane URL. */
    rudderstack: z.object({ dataPlaneUrl: sinkUrl }).strict().optional(),
    /** A product endpoint receiving each event as a signed JSON POST. */
    webhook: z.object({ url: sinkUrl }).strict().optional(),
  })
  .strict();
export type CloseTheLoopSettings = z.infer<typeof closeTheLoopSettingsSchema>;
export type CloseTheLoopSettingsInput = z.input<typeof closeTheLoopSettingsSchema>;

/** The secrets, kept apart from the settings so that nothing prints them by printing the settings. */
export interface CloseTheLoopSecrets {
  /** The Attio webhook's signing secrets: the current one, and the previous one while rotating. */
  attioWebhookSecrets: readonly string[];
  segmentWriteKey?: string;
  rudderstackWriteKey?: string;
  /** Signs the product webhook's deliveries (HMAC-SHA256). */
  productWebhookSecret?: string;
}

/** The environment variables the secrets come from (a file path may stand in for the Attio secrets). */
export const LOOP_SECRET_ENV = {
  attioWebhookSecrets: 'ATTIO_WEBHOOK_SECRETS',
  segmentWriteKey: 'ATTIO_PLG_SEGMENT_WRITE_KEY',
  rudderstackWriteKey: 'ATTIO_PLG_RUDDERSTACK_WRITE_KEY',
  productWebhookSecret: 'ATTIO_PLG_PRODUCT_WEBHOOK_SECRET',
} as const;

/** Secrets separated by commas or new lines (a secrets file holds one a line). */
export function splitSecrets(text: string): string[] {
  return text
    .split(/[,\n\r]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Every configured sink has its secret and every secret its sink: a mistake here would otherwise show only
 * as events that never arrive. The message names the setting or variable, never a value.
 */
export function loopProblems(settings: CloseTheLoopSettings, secrets: CloseTheLoopSecrets): string[] {
  const problems: string[] = [];
  if (secrets.attioWebhookSecrets.length === 0)
    problems.push(`no Attio webhook secret: set ${LOOP_SECRET_ENV.attioWebhookSecrets} or --attio-webhook-secret-file`);
  const pair = (configured: boolean, secret: string | undefined, setting: string, variable: string) => {
    if (configured && !secret) problems.push(`${setting} is configured but ${variable} is not set`);
    if (!configured && secret) problems.push(`${variable} is set but ${setting} is not configured`);
  };
  pair(settings.segment !== undefined, secrets.segmentWriteKey, 'segment.host', LOOP_SECRET_ENV.segmentWriteKey);
  pair(
    settings.rudderstack !== undefined,
    secrets.rudderstackWriteKey,
    'rudderstack.dataPlaneUrl',
    LOOP_SECRET_ENV.rudderstackWriteKey,
  );
  pair(
    settings.webhook !== undefined,
    secrets.productWebhookSecret,
    'webhook.url',
    LOOP_SECRET_ENV.productWebhookSecret,
  );
  if (secrets.productWebhookSecret !== undefined && secrets.productWebhookSecret.length < 16)
    problems.push(`${LOOP_SECRET_ENV.productWebhookSecret} must be at least 16 characters`);
  return problems;
}

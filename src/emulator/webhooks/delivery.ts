/**
 * Webhook deliveries as Attio makes them: one POST per event and webhook of `{webhook_id, events: [event]}`,
 * signed with a hex HMAC-SHA256 of the raw body (`Attio-Signature`, repeated as `X-Attio-Signature`), with an
 * `Idempotency-Key` that stays the same across retries and redeliveries. Anything but a 2xx is retried with
 * exponential back-off (Attio: up to 10 times over about three days; here compressed, see the options).
 * A webhook's first deliveries go out one at a time, in the order of the changes.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Workspace } from '../model.js';
import type { WebhookEvent } from './events.js';
import { timerScheduler, type DeliveryScheduler } from './scheduler.js';
import { subscriptionMatches } from './subscriptions.js';

export interface WebhookDeliveryOptions {
  /** Retries after a failed attempt; default 10, as Attio. */
  retries?: number;
  /**
   * Wait before the first retry, doubling for each next one. Default 250 ms: Attio's schedule (about four
   * minutes, doubling to three days in all) a thousand times faster, so ten retries take about four minutes.
   */
  retryBaseMs?: number;
  /** How long one attempt waits for the receiver's answer; default 10,000 ms. */
  timeoutMs?: number;
  /** When retries run; default real timers. Tests pass a ManualScheduler. */
  scheduler?: DeliveryScheduler;
  /** How many attempts `attempts` keeps at least (default 10,000), and how many messages stay redeliverable. */
  logLimit?: number;
}

export interface WebhookDeliveryAttempt {
  webhookId: string;
  targetUrl: string;
  idempotencyKey: string;
  eventTypes: string[];
  /** 1 for a message's first attempt, 2 for its first retry, ...; a redelivery counts again from 1. */
  attempt: number;
  redelivery: boolean;
  /** The receiver's HTTP status; 0 when none came (refused, reset, timed out). */
  status: number;
  error?: string;
  /** The raw body, exactly as sent and signed. */
  body: string;
}

/** What a test or the demo sees of the emulator's webhook deliveries. */
export interface EmulatorWebhooks {
  /** Every delivery attempt, in the order they ended. */
  readonly attempts: WebhookDeliveryAttempt[];
  /** Retries waiting for their time to come. */
  readonly pendingRetries: number;
  /** Resolves once no attempt is under way or queued; retries still waiting on the scheduler do not count. */
  settled(): Promise<void>;
  /** Sends a message again (same body, same Idempotency-Key), as Attio may; false for an unknown key. */
  redeliver(idempotencyKey: string): boolean;
}

interface Message {
  webhookId: string;
  idempotencyKey: string;
  eventTypes: string[];
  body: string;
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

export class WebhookDispatcher implements EmulatorWebhooks {
  readonly attempts: WebhookDeliveryAttempt[] = [];
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly timeoutMs: number;
  private readonly scheduler: DeliveryScheduler;
  private readonly logLimit: number;
  private readonly messages = new Map<string, Message>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly underway = new Set<Promise<void>>();
  private readonly waiting = new Set<() => void>();
  private readonly requests = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly ws: Workspace,
    options: WebhookDeliveryOptions = {},
  ) {
    this.retries = options.retries ?? 10;
    this.retryBaseMs = options.retryBaseMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.scheduler = options.scheduler ?? timerScheduler;
    this.logLimit = options.logLimit ?? 10_000;
  }

  get pendingRetries(): number {
    return this.waiting.size;
  }

  /** Queues one delivery per event for every webhook with a subscription that wants it. */
  publish(events: readonly WebhookEvent[]): void {
    if (this.closed) return;
    for (const event of events) {
      for (const webhook of this.ws.webhooks.values()) {
        if (webhook.status === 'inactive' || !webhook.subscriptions.some((s) => subscriptionMatches(s, event)))
          continue;
        const message: Message = {
          webhookId: webhook.id,
          idempotencyKey: randomUUID(),
          eventTypes: [event.event_type],
          body: JSON.stringify({ webhook_id: webhook.id, events: [event] }),
        };
        this.remember(message);
        this.enqueue(message, false);
      }
    }
  }

  redeliver(idempotencyKey: string): boolean {
    const message = this.messages.get(idempotencyKey);
    if (!message || this.closed) return false;
    this.enqueue(message, true);
    return true;
  }

  async settled(): Promise<void> {
    while (this.underway.size > 0) await Promise.allSettled([...this.underway]);
  }

  /** Cancels waiting retries and aborts the attempts under way. */
  close(): void {
    this.closed = true;
    for (const cancel of this.waiting) cancel();
    this.waiting.clear();
    for (const controller of this.requests) controller.abort();
  }

  private remember(message: Message): void {
    this.messages.set(message.idempotencyKey, message);
    if (this.messages.size <= this.logLimit) return;
    const oldest = this.messages.keys().next().value;
    if (oldest !== undefined) this.messages.delete(oldest);
  }

  private enqueue(message: Message, redelivery: boolean): void {
    const { webhookId } = message;
    const next = (this.queues.get(webhookId) ?? Promise.resolve()).then(() => this.attempt(message, 1, redelivery));
    this.queues.set(webhookId, next);
    this.track(next).finally(() => {
      if (this.queues.get(webhookId) === next) this.queues.delete(webhookId);
    });
  }

  private track(work: Promise<void>): Promise<void> {
    this.underway.add(work);
    return work.finally(() => this.underway.delete(work));
  }

  private async attempt(message: Message, attempt: number, redelivery: boolean): Promise<void> {
    const webhook = this.ws.webhooks.get(message.webhookId);
    // A webhook deleted (or switched off) meanwhile gets nothing more.
    if (this.closed || !webhook || webhook.status === 'inactive') return;
    const { status, error } = await this.post(webhook.targetUrl, webhook.secret, message);
    this.log({
      webhookId: webhook.id,
      targetUrl: webhook.targetUrl,
      idempotencyKey: message.idempotencyKey,
      eventTypes: message.eventTypes,
      attempt,
      redelivery,
      status,
      ...(error === undefined ? {} : { error }),
      body: message.body,
    });
    if (isSuccess(status)) {
      if (webhook.status === 'degraded') webhook.status = 'active';
      return;
    }
    if (this.closed) return;
    if (attempt > this.retries) {
      webhook.status = 'degraded';
      return;
    }
    const cancel = this.scheduler.schedule(this.retryBaseMs * 2 ** (attempt - 1), () => {
      this.waiting.delete(cancel);
      void this.track(this.attempt(message, attempt + 1, redelivery));
    });
    this.waiting.add(cancel);
  }

  private async post(targetUrl: string, secret: string, message: Message): Promise<{ status: number; error?: string }> {
    const signature = createHmac('sha256', secret).update(message.body, 'utf8').digest('hex');
    const controller = new AbortController();
    this.requests.add(controller);
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'attio-signature': signature,
          'x-attio-signature': signature,
          'idempotency-key': message.idempotencyKey,
          'user-agent': 'Attio 2.0 (attio-plg emulator)',
        },
        body: message.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { status: 0, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
    } finally {
      clearTimeout(timer);
      this.requests.delete(controller);
    }
  }

  private log(attempt: WebhookDeliveryAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > this.logLimit + Math.ceil(this.logLimit / 10))
      this.attempts.splice(0, this.attempts.length - this.logLimit);
  }
}

/**
 * rudder-server's router for one destination, as a destination sees it (router/worker.go, handle.go,
 * misc.go, internal/eventorder): it picks up jobs, transforms them through `/routerTransform` every time
 * (retries included), delivers each 200 entry's requests in order until one fails, and gives every job of
 * the entry that status: 2xx succeeded (298 filtered), other 4xx aborted, 408/429/5xx failed and retried
 * with exponential backoff. A user's later jobs wait while an earlier one is failed (the ordering barrier);
 * inside one batch, 298/299 and transformer 4xx entries are final whatever came before them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { stableHash } from '../../lib/stable-hash.js';
import { parseRouterResponse, type DestinationJob } from './contract.js';
import { sendPost, type PostParameters, type SendPostResponse } from './send-post.js';
import type { RouterTransformer } from '../rudder-transformer.js';

export interface RouterTiming {
  /** `Router.minRetryBackoff` / `maxRetryBackoff`: 10 s doubling to 300 s. */
  minRetryBackoffMs: number;
  maxRetryBackoffMs: number;
  /** A 5xx job is aborted once it has failed `maxFailedCountForJob` times and `retryTimeWindow` has passed (3, 180 min). */
  retryTimeWindowMs: number;
  maxFailedCountForJob: number;
  /** `Router.jobRetention` (720 h): the drainer aborts older jobs, which is how 429s finally end. */
  jobRetentionMs: number;
  /** `Router.<DEST>.httpTimeout` (10 s) for each delivered request. */
  deliveryTimeoutMs: number;
}

export interface RouterConcurrency {
  /** `Router.noOfWorkers` (64): a user's jobs always go to the same worker, `hash(user) % workers`. */
  workers: number;
  /** `Router.noOfJobsToBatchInAWorker` (20): jobs per `/routerTransform` request. */
  jobsPerBatch: number;
}

export const RUDDER_SERVER_CONCURRENCY: RouterConcurrency = { workers: 64, jobsPerBatch: 20 };

export const RUDDER_SERVER_TIMING: RouterTiming = {
  minRetryBackoffMs: 10_000,
  maxRetryBackoffMs: 300_000,
  retryTimeWindowMs: 180 * 60_000,
  maxFailedCountForJob: 3,
  jobRetentionMs: 720 * 3_600_000,
  deliveryTimeoutMs: 10_000,
};

/** How a job ends. A job that keeps failing ends aborted too: at its retry limit (5xx) or when it expires. */
export type JobState = 'succeeded' | 'filtered' | 'aborted';

/** A job's end, as rudder-server would record it. */
export interface JobOutcome {
  jobId: number;
  state: JobState;
  statusCode: number;
  /** The transformer's error or the destination's response body (trimmed), never a request header. */
  reason: string;
  /** `errorType` from the transformer's stat tags when the transformer decided (e.g. `instrumentation`). */
  errorType?: string;
  attempts: number;
}

export interface RouterDestination {
  ID: string;
  Name?: string;
  WorkspaceID: string;
  Config: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RouterOptions {
  destination: RouterDestination;
  /** rudder-server's `destType` (the definition's name, sent lowercased). */
  destType: string;
  transformer: RouterTransformer;
  timing?: Partial<RouterTiming>;
  concurrency?: Partial<RouterConcurrency>;
  /**
   * Waits for the delivery throttler's permission to send one request (rudder-server's
   * `Router.throttler.delivery.<DEST>.<destinationId>.<endpointPath>.limit`); by default nothing is throttled.
   */
  throttle?: (request: PostParameters) => Promise<void>;
  /** Called for every request actually sent, as a counter of the destination's outgoing requests would be. */
  onAttempt?: () => void;
  sourceId?: string;
  /** Sees every transform request and answer, e.g. to check them against rudder-transformer's schemas. */
  observe?: (request: Parameters<RouterTransformer>[0], response: unknown) => void;
}

interface Job {
  jobId: number;
  userId: string;
  message: unknown;
  createdAt: number;
  attempts: number;
  firstAttemptedAt?: number;
  state: 'pending' | 'waiting' | 'failed' | JobState;
  retryAt: number;
  /** Whether a failure of this job was recorded (a later abort then throttles the user: the drain limiter). */
  failedBefore: boolean;
  last?: { statusCode: number; reason: string; errorType?: string };
}

const isTerminal = (status: number) => status !== 429 && status !== 408 && status >= 200 && status < 500;
const isSuccess = (status: number) => status >= 200 && status < 300;
const FILTERED = 298;
const SUPPRESSED = 299;
const REASON_LIMIT = 500;

/** The gateway's user id (`buildUserID`): `<AnonymousId header><<>>anonymousId, else userId<<>>userId`. */
export function rudderUserId(message: unknown): string {
  const { anonymousId, userId } = (typeof message === 'object' && message !== null ? message : {}) as {
    anonymousId?: unknown;
    userId?: unknown;
  };
  const user = typeof userId === 'string' || typeof userId === 'number' ? String(userId) : '';
  const anonymous = typeof anonymousId === 'string' && anonymousId !== '' ? anonymousId : user;
  return `<<>>${anonymous}<<>>${user}`;
}

export class RudderRouter {
  private nextJobId = 1;
  /** Users whose aborted job had failed before: one job at a time until one succeeds (`eventOrderDrainedConcurrencyLimit`). */
  private readonly draining = new Set<string>();
  private readonly timing: RouterTiming;
  private readonly concurrency: RouterConcurrency;
  /** Answers rudder-server would have rejected: a test of the transformer expects none. */
  readonly contractViolations: string[] = [];

  constructor(private readonly options: RouterOptions) {
    this.timing = { ...RUDDER_SERVER_TIMING, ...options.timing };
    this.concurrency = { ...RUDDER_SERVER_CONCURRENCY, ...options.concurrency };
  }

  /**
   * Routes `messages` as jobs (in this order) until each has ended; resolves with one outcome per message.
   * The jobs are spread over the workers by user; each worker takes, transforms and delivers its own.
   */
  async route(messages: readonly unknown[]): Promise<JobOutcome[]> {
    const now = Date.now();
    const jobs: Job[] = messages.map((message) => ({
      jobId: this.nextJobId++,
      userId: rudderUserId(message),
      message,
      createdAt: now,
      attempts: 0,
      state: 'pending',
      retryAt: 0,
      failedBefore: false,
    }));
    const workers = new Map<number, Job[]>();
    for (const job of jobs) {
      const worker = stableHash(job.userId) % this.concurrency.workers;
      workers.set(worker, [...(workers.get(worker) ?? []), job]);
    }
    await Promise.all([...workers.values()].map((workerJobs) => this.work(workerJobs)));
    return jobs.map((job) => ({
      jobId: job.jobId,
      state: job.state as JobState,
      statusCode: job.last?.statusCode ?? 0,
      reason: job.last?.reason ?? '',
      ...(job.last?.errorType ? { errorType: job.last.errorType } : {}),
      attempts: job.attempts,
    }));
  }

  /** One worker's loop: take what may go now (at most one batch), transform and deliver it; else wait. */
  private async work(jobs: Job[]): Promise<void> {
    for (;;) {
      const open = jobs.filter((job) => !isFinal(job));
      if (open.length === 0) return;
      const picked = this.pickUp(open, Date.now()).slice(0, this.concurrency.jobsPerBatch);
      if (picked.length > 0) {
        await this.process(picked);
        continue;
      }
      // Nothing to take now: the failed jobs block their users until their backoff ends or they expire.
      const blocking = open.filter((job) => job.state === 'failed');
      if (blocking.length === 0) continue;
      const wake = Math.min(
        ...blocking.map((job) => Math.min(job.retryAt, job.createdAt + this.timing.jobRetentionMs + 1)),
      );
      await sleep(Math.max(1, wake - Date.now()));
    }
  }

  /**
   * The jobs a worker takes now, in jobId order. Expired jobs are aborted first (the drainer). Per user: a
   * failed job blocks everything after it and is taken alone once its backoff is over; a draining user gets
   * one job at a time; otherwise all of the user's open jobs.
   */
  private pickUp(open: Job[], now: number): Job[] {
    const picked: Job[] = [];
    const byUser = new Map<string, Job[]>();
    for (const job of open) byUser.set(job.userId, [...(byUser.get(job.userId) ?? []), job]);
    for (const [user, userJobs] of byUser) {
      for (const job of userJobs.filter((j) => now - j.createdAt > this.timing.jobRetentionMs)) {
        this.end(job, 'aborted', {
          statusCode: 410,
          reason: `job expired: not delivered within ${this.timing.jobRetentionMs} ms (${job.last?.reason ?? 'never sent'})`,
        });
      }
      const live = userJobs.filter((job) => !isFinal(job));
      const [first] = live;
      if (first === undefined) continue;
      if (first.state === 'failed') {
        if (this.retryLimitReached(first, now)) {
          this.end(first, 'aborted', {
            statusCode: 410,
            reason: `retry limit reached after ${first.attempts} attempts (${first.last?.reason ?? ''})`,
          });
          this.draining.add(user);
          picked.push(...this.pickUp(live.slice(1), now));
        } else if (first.retryAt <= now) {
          picked.push(first);
        }
        continue;
      }
      picked.push(...(this.draining.has(user) ? [first] : live));
    }
    return picked.sort((a, b) => a.jobId - b.jobId);
  }

  private retryLimitReached(job: Job, now: number): boolean {
    const status = job.last?.statusCode ?? 0;
    if (status < 500 || status === 599) return false;
    return (
      now - (job.firstAttemptedAt ?? now) > this.timing.retryTimeWindowMs &&
      job.attempts >= this.timing.maxFailedCountForJob
    );
  }

  /** One worker batch: transform, deliver the 200 entries, record each job's status. */
  private async process(picked: Job[]): Promise<void> {
    const now = Date.now();
    for (const job of picked) job.firstAttemptedAt ??= now;
    const request = {
      input: picked.map((job) => this.routerInput(job, now)),
      destType: this.options.destType.toLowerCase(),
    };
    const statuses = new Map<number, { statusCode: number; reason: string; errorType?: string }>();
    let response: unknown;
    try {
      response = await this.options.transformer(request);
    } catch (error) {
      // No answer from the transformer (or not a 200): every job of the request is retried.
      for (const job of picked)
        statuses.set(job.jobId, {
          statusCode: 500,
          reason: `transformer request failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      this.recordStatuses(picked, statuses);
      return;
    }
    this.options.observe?.(request, response);
    const parsed = parseRouterResponse(
      response,
      picked.map((job) => job.jobId),
    );
    if (!parsed.ok) {
      this.contractViolations.push(parsed.reason);
      for (const job of picked)
        statuses.set(job.jobId, { statusCode: 500, reason: `transformer response rejected: ${parsed.reason}` });
    } else {
      await this.deliverEntries(parsed.jobs, picked, statuses);
    }
    this.recordStatuses(picked, statuses);
  }

  /** Entries in order of their first job; a user with a non-final job earlier in the batch gets no delivery. */
  private async deliverEntries(
    entries: DestinationJob[],
    picked: Job[],
    statuses: Map<number, { statusCode: number; reason: string; errorType?: string }>,
  ): Promise<void> {
    const userOf = new Map(picked.map((job) => [job.jobId, job.userId]));
    const failedUsers = new Set<string>();
    const minJobId = (entry: DestinationJob) => Math.min(...entry.metadata.map((m) => m.jobId));
    for (const entry of [...entries].sort((a, b) => minJobId(a) - minJobId(b))) {
      const users = entry.metadata.map((m) => userOf.get(m.jobId) ?? '');
      let status: { statusCode: number; reason: string; errorType?: string };
      if (entry.statusCode === 200 || entry.statusCode === 0) {
        status = users.some((user) => failedUsers.has(user))
          ? {
              statusCode: 500,
              reason: 'skipping sending to destination because previous job (of user) in batch failed.',
            }
          : await this.deliver(entry);
      } else {
        const fallback =
          entry.statusCode === FILTERED
            ? 'Event filtered'
            : entry.statusCode === SUPPRESSED
              ? 'Event handled by transformer'
              : '';
        status = {
          statusCode: entry.statusCode,
          reason: entry.error || fallback,
          ...(entry.statTags['errorType'] ? { errorType: entry.statTags['errorType'] } : {}),
        };
      }
      for (const [index, metadata] of entry.metadata.entries()) {
        statuses.set(metadata.jobId, status);
        if (!isTerminal(status.statusCode)) failedUsers.add(users[index] ?? '');
      }
    }
  }

  /** Sends an entry's requests in order and stops at the first that is not 2xx; its status is the entry's. */
  private async deliver(entry: DestinationJob): Promise<{ statusCode: number; reason: string }> {
    if (!Array.isArray(entry.requests))
      return { statusCode: 599, reason: `transformer response unmarshal error: ${entry.requests.unreadable}` };
    let last: SendPostResponse = { status: 0, body: '' };
    const bodies: string[] = [];
    for (const request of entry.requests) {
      await this.options.throttle?.(request);
      last = await sendPost(request, this.timing.deliveryTimeoutMs, this.options.onAttempt);
      if (!isSuccess(last.status))
        return {
          statusCode: last.status,
          reason: `${request.method ?? ''} ${request.endpointPath ?? request.endpoint ?? ''}: ${last.body}`.slice(
            0,
            REASON_LIMIT,
          ),
        };
      bodies.push(last.body);
    }
    // No request at all leaves the status at 0: not final, so the job is retried (until it expires).
    return {
      statusCode: last.status,
      reason: entry.requests.length === 0 ? 'batchedRequest is empty: nothing was sent' : '',
    };
  }

  /** rudder-server's status loop: in jobId order, the first non-final job of a user fails, the rest of the user's wait. */
  private recordStatuses(
    picked: Job[],
    statuses: Map<number, { statusCode: number; reason: string; errorType?: string }>,
  ): void {
    const failedUsers = new Set<string>();
    const now = Date.now();
    for (const job of picked) {
      const status = statuses.get(job.jobId) ?? {
        statusCode: 500,
        reason: 'Response for this job is expected but not found',
      };
      if (!isTerminal(status.statusCode)) {
        if (failedUsers.has(job.userId)) {
          job.state = 'waiting';
          continue;
        }
        failedUsers.add(job.userId);
      }
      job.attempts++;
      if (isSuccess(status.statusCode)) {
        this.end(job, status.statusCode === FILTERED ? 'filtered' : 'succeeded', status);
        this.draining.delete(job.userId);
      } else if (isTerminal(status.statusCode)) {
        this.end(job, 'aborted', status);
        if (job.failedBefore) this.draining.add(job.userId);
      } else {
        job.state = 'failed';
        job.failedBefore = true;
        job.last = { ...status, reason: status.reason.slice(0, REASON_LIMIT) };
        job.retryAt =
          now + Math.min(this.timing.maxRetryBackoffMs, this.timing.minRetryBackoffMs * 2 ** (job.attempts - 1));
      }
    }
  }

  private end(job: Job, state: JobState, status: { statusCode: number; reason: string; errorType?: string }): void {
    job.state = state;
    job.last = { ...status, reason: status.reason.slice(0, REASON_LIMIT) };
  }

  /** `types.RouterJobT` as rudder-server posts it: the stored event, the job's metadata, the destination. */
  private routerInput(job: Job, now: number) {
    const { destination } = this.options;
    return {
      message: job.message,
      metadata: {
        userId: job.userId,
        jobId: job.jobId,
        sourceId: this.options.sourceId ?? 'attio-plg-cli-source',
        sourceCategory: '',
        destinationId: destination.ID,
        attemptNum: job.attempts,
        receivedAt: new Date(job.createdAt).toISOString(),
        createdAt: new Date(job.createdAt).toISOString(),
        firstAttemptedAt: job.firstAttemptedAt === undefined ? '' : new Date(job.firstAttemptedAt).toISOString(),
        transformAt: 'router',
        workspaceId: destination.WorkspaceID,
        secret: null,
        workerAssignedTime: new Date(now).toISOString(),
        dontBatch: false,
        traceparent: '',
      },
      destination,
      connection: {
        sourceId: this.options.sourceId ?? 'attio-plg-cli-source',
        destinationId: destination.ID,
        enabled: true,
        config: {},
        processorEnabled: true,
      },
    };
  }
}

function isFinal(job: Job): boolean {
  return job.state === 'succeeded' || job.state === 'filtered' || job.state === 'aborted';
}

/**
 * rudder-transformer's router contract as this destination uses it. Inputs arrive as JSON from rudder-server,
 * so they are `unknown` until `parseRouterInput` narrows them.
 */
import { z } from 'zod';
import type { WorkflowName } from '../../core/workflows/index.js';

/** Job metadata is rudder-server's own; it is passed back untouched. */
export type RudderMetadata = Record<string, unknown>;

export const destinationSchema = z.looseObject({
  ID: z.string().min(1),
  Config: z.record(z.string(), z.unknown()),
});

export type RudderDestination = z.infer<typeof destinationSchema>;

export interface RouterInput {
  message: unknown;
  metadata: RudderMetadata;
  destination: RudderDestination;
}

/** HTTP_STATUS_CODES.SUPPRESS_EVENTS: the job succeeded as a side effect; rudder-server sends nothing more. */
export const SUPPRESS_EVENTS = 299;

/** A job applied (or ignored: not in the tracking plan) inside the transformer: nothing left to deliver. */
export interface SuppressedEntry {
  batchedRequest: [];
  metadata: [RudderMetadata];
  batched: false;
  statusCode: typeof SUPPRESS_EVENTS;
  destination: RudderDestination;
}

/** A job that failed; `statusCode` and `statTags` come from the integrations-lib error class. */
export interface ErrorEntry {
  metadata: [RudderMetadata];
  batched: false;
  statusCode: number;
  error: string;
  statTags: Record<string, string>;
  destination?: RudderDestination;
}

export type RouterOutputEntry = SuppressedEntry | ErrorEntry;

/** What `process` resolves with: the job is done, and which workflows ran (none for an ignored event). */
export interface ProcessOutput {
  statusCode: typeof SUPPRESS_EVENTS;
  status: 'applied' | 'ignored';
  workflows: WorkflowName[];
}

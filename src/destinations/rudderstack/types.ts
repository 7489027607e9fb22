/**
 * rudder-transformer's contract as this destination uses it (its src/types: ProcessorTransformationOutput,
 * RouterTransformationResponse). Inputs arrive as JSON from rudder-server, so they are `unknown` until
 * narrowed.
 */
import { z } from 'zod';

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

/** One HTTP request for rudder-server to deliver (rudder-transformer's ProcessorTransformationOutput). */
export interface RudderRequest {
  version: '1';
  type: 'REST';
  method: string;
  /** Absolute URL. */
  endpoint: string;
  /** The endpoint with ids left out, for rudder-server's per-endpoint throttling and metrics. */
  endpointPath: string;
  userId: string;
  headers: Record<string, string>;
  /** Query parameters. */
  params: Record<string, string>;
  body: {
    JSON: Record<string, unknown>;
    JSON_ARRAY: Record<string, unknown>;
    XML: Record<string, unknown>;
    FORM: Record<string, unknown>;
  };
  files: Record<string, unknown>;
}

/** HTTP_STATUS_CODES.SUPPRESS_EVENTS: the transformer made every write itself; rudder-server sends nothing. */
export const SUPPRESS_EVENTS = 299;
/** HTTP_STATUS_CODES.FILTER_EVENTS: the tracking plan routes no workflow for the event. */
export const FILTER_EVENTS = 298;

/** Jobs that succeeded: 200 (rudder-server delivers `batchedRequest` in order), 299 (nothing to deliver) or 298 (filtered). */
export interface SuccessEntry {
  batchedRequest: RudderRequest[];
  metadata: RudderMetadata[];
  batched: boolean;
  statusCode: 200 | typeof SUPPRESS_EVENTS | typeof FILTER_EVENTS;
  destination: RudderDestination;
  /** Why a 298 entry was filtered. */
  error?: string;
}

/** A job that failed; `statusCode` and `statTags` come from the integrations-lib error class. */
export interface ErrorEntry {
  metadata: RudderMetadata[];
  batched: false;
  statusCode: number;
  error: string;
  statTags: Record<string, string>;
  destination?: RudderDestination;
}

export type RouterOutputEntry = SuccessEntry | ErrorEntry;

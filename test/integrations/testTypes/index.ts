/**
 * The types rudder-transformer's component cases are written against (its test/integrations/testTypes.ts
 * and the src/types they use, at v1.145.0), restated here so that destinations/attio_plg type-checks in
 * this repository as it does when copied into rudder-transformer's test/integrations/destinations/, where
 * `../../../testTypes` is theirs. Only what RouterTestData and ProcessorTestData reach; the shapes are theirs
 * (a Destination must carry `Transformations`, metadata and messages are partial and open).
 */

export type DestinationDefinition = { ID: string; Name: string; DisplayName: string; Config: Record<string, unknown> };

export type UserTransformationInput = { VersionID: string; ID: string; Config: object };

export type Destination = {
  ID: string;
  Name: string;
  DestinationDefinition: DestinationDefinition;
  Config: Record<string, unknown>;
  Enabled: boolean;
  WorkspaceID: string;
  Transformations: UserTransformationInput[];
  RevisionID?: string;
  IsProcessorEnabled?: boolean;
  IsConnectionEnabled?: boolean;
  hasDynamicConfig?: boolean;
  version?: number;
};

export type Connection = {
  sourceId: string;
  destinationId: string;
  enabled: boolean;
  config: Record<string, unknown>;
  processorEnabled?: boolean;
};

/** Its RudderMessageSchema (zod, `.passthrough()`): the known keys typed, any other allowed. */
export type RudderMessage = {
  userId?: string;
  anonymousId?: string;
  type: 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias' | 'record' | 'audiencelist';
  channel?: string;
  context?: object;
  originalTimestamp?: string;
  sentAt?: string;
  timestamp?: string;
  event?: string;
  integrations?: object;
  messageId?: string;
  properties?: object;
  traits?: object;
  statusCode?: number;
  rudderId?: string;
  [key: string]: unknown;
};

/** Its MetadataSchema (`.passthrough()`); the cases use it partially. */
export type Metadata = {
  sourceId: string;
  workspaceId: string;
  sourceType: string;
  sourceCategory: string;
  destinationId: string;
  jobId: number;
  destinationType: string;
  messageId: string;
  [key: string]: unknown;
};

type TransformationRequest<M, MD> = {
  request?: object;
  message: M;
  metadata: MD;
  destination: Destination;
  connection?: Connection;
};

export type ProcessorTransformationOutput = {
  version: string;
  type: string;
  method: string;
  endpoint: string;
  endpointPath?: string;
  userId?: string;
  headers?: Record<string, unknown>;
  params?: Record<string, unknown>;
  body?: {
    JSON?: Record<string, unknown>;
    JSON_ARRAY?: Record<string, unknown>;
    XML?: Record<string, unknown>;
    FORM?: Record<string, unknown>;
  };
  files?: Record<string, unknown>;
};

export type ProcessorTransformationResponse = {
  output?: ProcessorTransformationOutput | RudderMessage;
  metadata: Partial<Metadata>;
  statusCode: number;
  error?: string;
  statTags?: object;
};

export type RouterTransformationResponse = {
  batchedRequest?: ProcessorTransformationOutput | ProcessorTransformationOutput[];
  metadata: Partial<Metadata>[];
  destination: Destination;
  batched: boolean;
  statusCode: number;
  error?: string;
  statTags?: object;
  authErrorCategory?: string;
};

type CaseHeader = {
  id: string;
  name: string;
  description: string;
  scenario: string;
  successCriteria: string;
  comment?: string;
  feature: string;
  module: string;
  version: string;
  skip?: boolean;
};

export type ProcessorTestData = CaseHeader & {
  input: {
    request: {
      method: string;
      headers?: Record<string, string>;
      body: TransformationRequest<Partial<RudderMessage>, Partial<Metadata>>[];
    };
  };
  output: { response: { status: number; body: ProcessorTransformationResponse[] } };
};

export type RouterTestData = CaseHeader & {
  input: {
    request: {
      method: string;
      headers?: Record<string, string>;
      body: { input: TransformationRequest<Partial<RudderMessage>, Partial<Metadata>>[]; destType: string };
    };
  };
  output: { response: { status: number; body: { output: RouterTransformationResponse[] } } };
};

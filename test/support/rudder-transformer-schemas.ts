/**
 * The response contract rudder-transformer's own tests hold every destination to (its src/types/zodTypes.ts,
 * checked by validateTestWithZOD; and assertRouterOutput in test/testHelper.js), restated in zod 4:
 * a request is `{version, type, method, endpoint, ...}`; a 2xx entry needs a non-empty output or
 * batchedRequest (298 and 299 included); any other entry needs `error` or `statTags`; a router entry
 * carries its jobs' metadata as an array and the destination; every input jobId is in exactly one entry.
 */
import { expect } from 'vitest';
import { z } from 'zod';

const record = z.record(z.string(), z.unknown());

export const transformedRequestSchema = z.object({
  version: z.string(),
  type: z.string(),
  method: z.string(),
  endpoint: z.string(),
  userId: z.string().optional(),
  headers: record.optional(),
  params: record.optional(),
  body: z
    .object({ JSON: record.optional(), JSON_ARRAY: record.optional(), XML: record.optional(), FORM: record.optional() })
    .optional(),
  files: record.optional(),
});

const isSuccess = (status: number) => status >= 200 && status < 300;

/** lodash `isEmpty` as rudder-transformer's `isDefinedAndNotNullAndNotEmpty` applies it: numbers and booleans count as empty. */
function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}

const errorNeedsDetail = {
  check: (entry: { statusCode: number; statTags?: unknown; error?: unknown }) =>
    isSuccess(entry.statusCode) || isFilled(entry.statTags) || isFilled(entry.error),
  message: "statTags and error can't be empty when status is not a 2XX",
};

export const processorResponseSchema = z
  .object({
    output: transformedRequestSchema.optional(),
    metadata: record,
    statusCode: z.number(),
    error: z.string().optional(),
    statTags: record.optional(),
  })
  .refine(errorNeedsDetail.check, { message: errorNeedsDetail.message, path: ['statTags', 'error'] })
  .refine((entry) => !isSuccess(entry.statusCode) || isFilled(entry.output), {
    message: "output can't be empty when status is 2XX",
    path: ['output'],
  });

export const routerResponseSchema = z
  .object({
    batchedRequest: z.union([z.array(transformedRequestSchema), transformedRequestSchema]).optional(),
    metadata: z.array(record),
    destination: record,
    batched: z.boolean(),
    statusCode: z.number(),
    error: z.string().optional(),
    statTags: record.optional(),
  })
  .refine(errorNeedsDetail.check, { message: errorNeedsDetail.message, path: ['statTags', 'error'] })
  .refine((entry) => !isSuccess(entry.statusCode) || isFilled(entry.batchedRequest), {
    message: "batchedRequest can't be empty when status is 2XX",
    path: ['batchedRequest'],
  });

export const processorResponseListSchema = z.array(processorResponseSchema);
export const routerResponseListSchema = z.array(routerResponseSchema);

/** The schema's complaints about a router output, one line per problem (empty when it passes). */
export function routerSchemaProblems(output: unknown): string[] {
  const parsed = routerResponseListSchema.safeParse(output);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

export function processorSchemaProblems(output: unknown): string[] {
  const parsed = processorResponseListSchema.safeParse(output);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/**
 * rudder-transformer's `assertRouterOutput`: each entry's metadata is an array, its status a number from
 * 200 to 599, and every input jobId appears in exactly one entry, once.
 */
export function expectRouterOutput(inputs: ReadonlyArray<{ metadata: unknown }>, output: readonly unknown[]): void {
  const returned: unknown[] = [];
  for (const entry of output as Array<{ metadata?: unknown; statusCode?: unknown }>) {
    expect(Array.isArray(entry.metadata)).toBe(true);
    expect(
      typeof entry.statusCode === 'number' && entry.statusCode >= 200 && entry.statusCode < 600,
      `statusCode ${String(entry.statusCode)}`,
    ).toBe(true);
    for (const metadata of entry.metadata as Array<{ jobId?: unknown }>) returned.push(metadata.jobId);
  }
  const expected = inputs.map((input) => (input.metadata as { jobId?: unknown }).jobId);
  expect(new Set(returned).size, 'a jobId is in more than one entry').toBe(returned.length);
  expect([...returned].sort()).toEqual([...expected].sort());
}

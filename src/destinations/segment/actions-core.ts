/**
 * The runtime values of @segment/actions-core, loaded once through `require`: its ESM build uses directory
 * imports, which Node's native ESM loader refuses, while its CommonJS build loads everywhere. Loading the
 * CommonJS build also means our error classes and MultiStatusResponse are the very ones the Segment runtime
 * checks with `instanceof`. Types come from the package's own declarations.
 */
import { createRequire } from 'node:module';
import type * as ActionsCore from '@segment/actions-core';

const require = createRequire(import.meta.url);
const core = require('@segment/actions-core') as typeof ActionsCore;

export const APIError = core.APIError;
export type APIError = ActionsCore.APIError;
export const IntegrationError = core.IntegrationError;
export type IntegrationError = ActionsCore.IntegrationError;
export const InvalidAuthenticationError = core.InvalidAuthenticationError;
export type InvalidAuthenticationError = ActionsCore.InvalidAuthenticationError;
export const PayloadValidationError = core.PayloadValidationError;
export type PayloadValidationError = ActionsCore.PayloadValidationError;
export const RetryableError = core.RetryableError;
export type RetryableError = ActionsCore.RetryableError;
export const MultiStatusResponse = core.MultiStatusResponse;
export type MultiStatusResponse = ActionsCore.MultiStatusResponse;
export const defaultValues = core.defaultValues;
export const getErrorCodeFromHttpStatus = core.getErrorCodeFromHttpStatus;

/**
 * The workspace check in Segment's terms, for `testAuthentication` (the settings screen's "test
 * connection"): a token problem is an InvalidAuthenticationError, any other problem an IntegrationError
 * that names each problem and its fix, so a marketer sees what to change before the first event fails.
 */
import { describeCheckReport, isTokenProblem, type CheckReport } from '../../core/setup/index.js';
import { IntegrationError, InvalidAuthenticationError } from '@segment/actions-core';
import { ERROR_CODES } from './errors.js';

/** The error for a not-ready report. */
export function segmentErrorForReport(report: CheckReport): Error {
  const token = report.problems.find(isTokenProblem);
  if (token) return new InvalidAuthenticationError(`${sentence(token.problem)}. Fix: ${token.fix}`);
  return new IntegrationError(sentence(describeCheckReport(report)), ERROR_CODES.config, 400);
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

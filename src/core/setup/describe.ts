import type { CheckReport, WorkspaceProblem } from './check.js';

/** `subject: problem`, without saying the subject twice when the problem already starts with it. */
export function describeProblem(problem: WorkspaceProblem): string {
  return problem.problem.startsWith(problem.subject) ? problem.problem : `${problem.subject}: ${problem.problem}`;
}

/**
 * A not-ready report as one message, each problem with its fix: what serve prints when it refuses to start
 * and what the adapters put in their platform's error.
 */
export function describeCheckReport(report: CheckReport): string {
  if (report.ready) return 'the Attio workspace is ready for this configuration';
  const problems = report.problems.map((p, i) => `(${i + 1}) ${describeProblem(p)} — fix: ${p.fix}`);
  return `the Attio workspace is not ready for this configuration: ${problems.join('; ')}`;
}

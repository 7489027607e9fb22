/** Renders a replay summary for people (a table and the reasons for rejections) and for machines (one JSON line). */
import type { EventProblem, ReplaySummary } from './replay.js';

/** Lines listed before "and N more". */
const LISTED = 20;
/** Reasons listed before "and N more": fewer, and each counts many events. */
const REASONS_LISTED = 40;

export function summaryJson(summary: ReplaySummary): string {
  const { events, applied, rejected, failed, requests, durationMs, byWorkflow, rejectedByReason } = summary;
  return JSON.stringify({ events, applied, rejected, failed, requests, durationMs, byWorkflow, rejectedByReason });
}

export function renderSummary(
  summary: ReplaySummary,
  title: string,
  options: { listRejections?: boolean } = {},
): string {
  const rows = Object.entries(summary.byWorkflow).sort((a, b) => a[0].localeCompare(b[0]));
  const perEvent = summary.applied > 0 ? (summary.requests / summary.applied).toFixed(2) : '0';
  const lines = [
    `${title}: ${summary.events} events in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  ${'workflow'.padEnd(12)}${'applied'.padStart(9)}${'rejected'.padStart(10)}${'failed'.padStart(8)}`,
    ...rows.map(
      ([workflow, c]) =>
        `  ${workflow.padEnd(12)}${String(c.applied).padStart(9)}${String(c.rejected).padStart(10)}${String(c.failed).padStart(8)}`,
    ),
    `  ${'total'.padEnd(12)}${String(summary.applied).padStart(9)}${String(summary.rejected).padStart(10)}${String(summary.failed).padStart(8)}`,
    `  Attio requests: ${summary.requests} (${perEvent} per applied event)`,
  ];
  if (summary.rejected > 0 && options.listRejections !== false)
    lines.push('', `Rejected events (${summary.rejected}), by reason:`, ...byReason(summary.rejectedByReason));
  if (summary.failed > 0)
    lines.push(
      '',
      `Events that could not be delivered (${summary.failed}):`,
      ...listProblems(summary.failures, summary.failed),
    );
  return lines.join('\n');
}

/** Up to LISTED problems, one a line, then how many more there were of `total`. */
export function listProblems(problems: readonly EventProblem[], total: number): string[] {
  const shown = problems
    .slice(0, LISTED)
    .map((p) => `  line ${p.line}${p.messageId ? ` (${p.messageId})` : ''}: ${p.reason}`);
  return total > shown.length ? [...shown, `  and ${total - shown.length} more`] : shown;
}

function byReason(counts: Record<string, number>): string[] {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, REASONS_LISTED).map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`);
  const more = sorted.slice(REASONS_LISTED).reduce((sum, [, n]) => sum + n, 0);
  return more > 0 ? [...shown, `  and ${more} more (${sorted.length - REASONS_LISTED} other reasons)`] : shown;
}

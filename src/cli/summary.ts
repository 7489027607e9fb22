/** Renders a replay summary for people (a table and the reasons for rejections) and for machines (one JSON line). */
import type { ReplaySummary } from './replay.js';

export function summaryJson(summary: ReplaySummary): string {
  const { events, applied, rejected, failed, requests, durationMs, byWorkflow } = summary;
  return JSON.stringify({ events, applied, rejected, failed, requests, durationMs, byWorkflow });
}

export function renderSummary(summary: ReplaySummary, title: string): string {
  const rows = Object.entries(summary.byWorkflow).sort((a, b) => a[0].localeCompare(b[0]));
  const perEvent = summary.applied > 0 ? (summary.requests / summary.applied).toFixed(2) : '0';
  const lines = [
    `${title}: ${summary.events} events in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  ${'workflow'.padEnd(12)}${'applied'.padStart(9)}${'rejected'.padStart(10)}${'failed'.padStart(8)}`,
    ...rows.map(([workflow, c]) => `  ${workflow.padEnd(12)}${String(c.applied).padStart(9)}${String(c.rejected).padStart(10)}${String(c.failed).padStart(8)}`),
    `  ${'total'.padEnd(12)}${String(summary.applied).padStart(9)}${String(summary.rejected).padStart(10)}${String(summary.failed).padStart(8)}`,
    `  Attio requests: ${summary.requests} (${perEvent} per applied event)`,
  ];
  if (summary.rejections.length > 0) lines.push('', `Rejected events (${summary.rejected}), by reason:`, ...byReason(summary.rejections.map((r) => r.reason)));
  if (summary.failures.length > 0) {
    lines.push('', `Events that could not be delivered (${summary.failed}):`, ...summary.failures.slice(0, 20).map((f) => `  line ${f.line}${f.messageId ? ` (${f.messageId})` : ''}: ${f.reason}`));
  }
  return lines.join('\n');
}

function byReason(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`);
}

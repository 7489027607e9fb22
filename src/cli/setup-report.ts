/** How `attio-plg check` and `attio-plg setup` show a check report, a setup plan and what apply did. */
import type { AttioSelf } from '../core/attio/schemas.js';
import {
  describeProblem,
  type ApplyResult,
  type CheckReport,
  type PlanItem,
  type PlanState,
  type SetupPlan,
} from '../core/setup/index.js';

export function workspaceName(self: AttioSelf | undefined): string {
  if (!self?.workspace_name) return 'the Attio workspace';
  return `Attio workspace "${self.workspace_name}"${self.workspace_slug ? ` (${self.workspace_slug})` : ''}`;
}

export function renderCheckReport(report: CheckReport, self: AttioSelf | undefined): string {
  const count = report.problems.length;
  const lines = [
    report.ready
      ? `${workspaceName(self)} is ready for this configuration.`
      : `${workspaceName(self)} is not ready for this configuration: ${count} problem${count === 1 ? '' : 's'}.`,
    ...report.problems.flatMap((p) => [`  ✗ ${describeProblem(p)}`, `      fix: ${p.fix}`]),
  ];
  if (report.notes.length > 0) lines.push('Notes:', ...report.notes.map((note) => `  - ${note}`));
  return lines.join('\n');
}

const SECTIONS: Array<{ state: PlanState; title: string }> = [
  { state: 'create', title: 'Will create' },
  { state: 'conflict', title: 'Conflicts (a user’s attribute with this slug; left alone)' },
  { state: 'manual', title: 'Cannot be done through the API (do it in Attio)' },
  { state: 'exists', title: 'Already there' },
];

function itemLine(item: PlanItem): string {
  return `  ${item.subject}: ${item.need}${item.severity === 'recommended' ? ' (recommended)' : ''}`;
}

export function renderPlan(plan: SetupPlan, self: AttioSelf | undefined): string {
  const lines = [`Setup plan for ${workspaceName(self)}:`];
  for (const { state, title } of SECTIONS) {
    const items = plan.items.filter((item) => item.state === state);
    if (items.length === 0) continue;
    lines.push(`${title} (${items.length}):`);
    for (const item of items) {
      lines.push(itemLine(item));
      if (state === 'conflict' || state === 'manual')
        lines.push(`      ${item.problem ?? ''}`, `      fix: ${item.fix ?? ''}`);
    }
  }
  return lines.join('\n');
}

export function renderApplyResults(results: readonly ApplyResult[]): string {
  if (results.length === 0) return 'Nothing to create: the workspace already has everything setup can create.';
  const created = results.filter((r) => r.outcome === 'created').length;
  return [
    `Created ${created} of ${results.length}:`,
    ...results.map(
      (r) =>
        `  ${r.outcome === 'created' ? '✓' : r.outcome === 'failed' ? '✗' : '-'} ${r.subject}: ${r.need}${r.reason ? ` — ${r.outcome}: ${r.reason}` : ''}`,
    ),
  ].join('\n');
}

/** The plan as data, for `--json`. */
export function planJson(plan: SetupPlan): Array<Record<string, unknown>> {
  return plan.items.map(({ state, subject, need, severity, problem, fix }) => ({
    state,
    subject,
    need,
    severity,
    ...(problem ? { problem } : {}),
    ...(fix && state !== 'exists' ? { fix } : {}),
  }));
}

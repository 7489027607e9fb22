/**
 * `attio-plg score EVENTS.jsonl [--config A.json] [--compare B.json] [--html report.html] [--as-of DATE]` —
 * a what-if run of the scoring models with no Attio at all: which users and accounts qualify, when, at
 * which tier and why; with --compare, what changes from model A to model B. Prints a table; --html also
 * writes a self-contained report. Exit 0 when done, 2 for a usage or configuration error.
 */
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { assertReadableFile } from '../jsonl.js';
import { UsageError } from '../usage.js';
import { compareModels } from './compare.js';
import { readEventFile } from './events.js';
import { renderReport } from './report/html.js';
import { latestEventMs, loadScoringModel, mapForModel, scoreModel } from './run.js';
import { renderComparison, renderRun } from './table.js';

export interface ScoreOptions {
  config?: string;
  compare?: string;
  html?: string;
  asOf?: number;
}

/** The command's definition; ../main.ts attaches the action. */
export function scoreCommand(): Command {
  return new Command('score')
    .description(
      'what-if scoring with no Attio: which users and accounts qualify, when, at which tier and why; --compare shows what a second model changes',
    )
    .argument(
      '<EVENTS.jsonl>',
      'events, one JSON object a line (a Segment or RudderStack export, or examples/plg-events.jsonl)',
    )
    .option(
      '--config <A.json>',
      'the model to score with, in the core’s configuration format (default: the defaults; no API key needed)',
    )
    .option(
      '--compare <B.json>',
      'a second model: what it changes against the first (newly qualified, no longer, earlier, later)',
    )
    .option(
      '--html <report.html>',
      'also write a self-contained HTML report (charts inline; it loads nothing from the network)',
    )
    .option(
      '--as-of <DATE>',
      'score as of this moment: a date (its end, UTC) or an ISO 8601 date-time; later events are left out (default: the latest event)',
      asOfMoment,
    )
    .addHelpText(
      'after',
      `
Time is replayed from the events' own timestamps: a user qualifies at the first report that reaches
pqlThreshold, an account at the first of its events after which its roll-up reaches accountThreshold.
The account model, decay and tiers are the configuration's accountModel, decayHalfLifeDays, userTiers and
accountTiers (see docs/scoring.md). Nothing is sent anywhere.
Exit status: 0 when done, 2 for a usage or configuration error.`,
    );
}

export async function runScoreCommand(file: string, options: ScoreOptions): Promise<number> {
  await assertReadableFile(file);
  const modelA = await loadScoringModel(options.config, '--config');
  const modelB = options.compare === undefined ? undefined : await loadScoringModel(options.compare, '--compare');
  if (modelB !== undefined && modelB.label === modelA.label)
    throw new UsageError('--compare names the same file as --config: give a second model');
  const lines = await readEventFile(file);
  const mappedA = mapForModel(lines, modelA);
  const mappedB = modelB === undefined ? undefined : mapForModel(lines, modelB);
  // Both models are scored at the same moment, so that their differences are the models', not the clock's.
  const asOfMs = options.asOf ?? latestEventMs(mappedA, ...(mappedB === undefined ? [] : [mappedB])) ?? Date.now();
  const a = scoreModel(modelA, mappedA, asOfMs);
  const b = modelB === undefined || mappedB === undefined ? undefined : scoreModel(modelB, mappedB, asOfMs);
  const out = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  out(renderRun(a, a.counts, file));
  if (b !== undefined) {
    const comparison = compareModels(a.whatIf, b.whatIf);
    out('');
    out(renderRun(b, b.counts, file));
    out('');
    out(renderComparison(a, b, comparison));
    if (options.html !== undefined)
      await writeReport(options.html, renderReport({ file, a, b: { model: b, comparison } }));
  } else if (options.html !== undefined) {
    await writeReport(options.html, renderReport({ file, a }));
  }
  if (options.html !== undefined) out(`\nReport written to ${options.html}`);
  return 0;
}

async function writeReport(path: string, html: string): Promise<void> {
  try {
    await writeFile(path, html, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}`);
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `--as-of 2024-11-15` is the end of that day (UTC), so the day's events count; a date-time is taken as is. */
function asOfMoment(raw: string): number {
  const text = raw.trim();
  const ms = DATE_ONLY.test(text)
    ? Date.parse(`${text}T23:59:59.999Z`)
    : /\d{2}:\d{2}/.test(text)
      ? Date.parse(text)
      : Number.NaN;
  if (!Number.isFinite(ms) || (DATE_ONLY.test(text) && new Date(ms).toISOString().slice(0, 10) !== text)) {
    throw new InvalidArgumentError(`--as-of must be a date such as 2024-11-30 or an ISO 8601 date-time, got "${raw}"`);
  }
  return ms;
}

/**
 * One model's what-if run: its configuration (read offline — no API key is needed, none is used), the
 * events mapped by it, and what it finds.
 */
import { parseConfig, type PlgConfig } from '../../core/config/index.js';
import type { JsonLine } from '../jsonl.js';
import { readConfigFile } from '../config.js';
import { mapEvents, type EventCounts, type MappedEvents } from './events.js';
import { runWhatIf, type WhatIf } from './what-if.js';

export interface ScoringModelFile {
  /** How reports name the model: its file, or `default`. */
  label: string;
  config: PlgConfig;
}

export interface ScoredModel extends ScoringModelFile {
  counts: EventCounts;
  whatIf: WhatIf;
}

/** Stands in for the API key a configuration file may lack: the score command never calls Attio. */
const OFFLINE_API_KEY = 'offline';

export async function loadScoringModel(path: string | undefined, option: string): Promise<ScoringModelFile> {
  if (path === undefined) return { label: 'default', config: parseConfig({ apiKey: OFFLINE_API_KEY }, {}) };
  const settings = await readConfigFile(path, option);
  // The environment is not read: ATTIO_API_URL and the key are for delivery, not for scoring.
  return { label: path, config: parseConfig({ apiKey: OFFLINE_API_KEY, ...settings }, {}) };
}

export function mapForModel(lines: readonly JsonLine[], model: ScoringModelFile): MappedEvents {
  return mapEvents(lines, model.config);
}

/** The latest moment of any event, the default as-of moment; undefined when there are no events. */
export function latestEventMs(...runs: readonly MappedEvents[]): number | undefined {
  let latest: number | undefined;
  for (const run of runs) {
    for (const intent of run.intents) {
      const ms = Date.parse(intent.timestamp);
      if (latest === undefined || ms > latest) latest = ms;
    }
  }
  return latest;
}

export function scoreModel(model: ScoringModelFile, mapped: MappedEvents, asOfMs: number): ScoredModel {
  return { ...model, counts: mapped.counts, whatIf: runWhatIf(mapped.intents, model.config, asOfMs) };
}

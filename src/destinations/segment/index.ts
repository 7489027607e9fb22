/**
 * The Segment Actions destination: a DestinationDefinition from @segment/actions-core that marketers map in
 * the Segment UI. Seven actions over the attio-plg core — the three of Segment's own Attio destination
 * (identifyUser, groupWorkspace, assertRecord) and the PLG workflows (signup, trackMilestone,
 * updatePqlScore, salesHandoff). Each kind of event has one automatic preset, and no event matches two, so
 * a destination connected with its presets writes each record once per event; assertRecord, which writes
 * whatever object it is pointed at, has none (as in Segment's own Attio destination).
 */
import type { DestinationDefinition, Preset, RequestClient } from '@segment/actions-core';
import { defaultValues } from '@segment/actions-core';
import { classifyFailure } from '../../core/failures.js';
import { WorkspaceGate, type WorkspaceProblem } from '../../core/setup/index.js';
import { toActionDefinition, type PlgAction } from './action.js';
import assertRecord from './assertRecord/index.js';
import { attioClientFor } from './dynamic-fields.js';
import { errorFor } from './errors.js';
import type { Settings } from './generated-types.js';
import groupWorkspace from './groupWorkspace/index.js';
import { resolveHost, type ResolvedHost, type SegmentHost } from './host.js';
import identifyUser from './identifyUser/index.js';
import salesHandoff from './salesHandoff/index.js';
import { configFromSettings, settingsFields } from './settings.js';
import signup from './signup/index.js';
import trackMilestone from './trackMilestone/index.js';
import updatePqlScore from './updatePqlScore/index.js';
import { segmentErrorForReport } from './workspace-check.js';

export type { SegmentHost } from './host.js';
export type { Settings } from './generated-types.js';
export { configFieldValues } from './config-fields.js';

/**
 * The workspace gate (token, attributes, the deal key) for these settings: every problem with its fix. A
 * check Attio could not answer is that failure, so the marketer sees why.
 */
async function testAuthentication(request: RequestClient, settings: Settings, host: ResolvedHost): Promise<void> {
  const gate = new WorkspaceGate(attioClientFor({ request, settings, host }), configFromSettings(settings, host), {
    counts: isWorkspaceWide,
  });
  const verdict = await gate.verdict();
  switch (verdict.state) {
    case 'ready':
      return;
    case 'not-ready':
      throw segmentErrorForReport(verdict.report);
    case 'unchecked':
      throw errorFor(classifyFailure(verdict.error));
  }
}

/**
 * Lists, stages and reps are action fields, each with a dropdown of what the workspace has, so their problems
 * are reported where they are chosen, not against the defaults here.
 */
function isWorkspaceWide(problem: WorkspaceProblem): boolean {
  switch (problem.kind) {
    case 'missing-list':
    case 'conflicting-list':
    case 'missing-stage':
    case 'archived-stage':
    case 'missing-owner':
      return false;
    default:
      return true;
  }
}

/** The automatic preset of an action that has a default subscription, with its fields' default mappings. */
function presetOf(slug: string, action: PlgAction<never>): Preset[] {
  if (action.defaultSubscription === undefined) return [];
  return [
    {
      name: action.title,
      subscribe: action.defaultSubscription,
      partnerAction: slug,
      mapping: defaultValues(action.fields),
      type: 'automatic',
    },
  ];
}

/** The destination for `host` (by default Segment's cloud: `process.env`, Segment's timeouts, Attio's budgets). */
export function createAttioPlgDestination(host: SegmentHost = {}): DestinationDefinition<Settings> {
  const resolved = resolveHost(host);
  const plgActions = {
    signup,
    trackMilestone,
    updatePqlScore,
    salesHandoff,
    identifyUser,
    groupWorkspace,
    assertRecord,
  };
  const actions = {
    signup: toActionDefinition(signup, resolved),
    trackMilestone: toActionDefinition(trackMilestone, resolved),
    updatePqlScore: toActionDefinition(updatePqlScore, resolved),
    salesHandoff: toActionDefinition(salesHandoff, resolved),
    identifyUser: toActionDefinition(identifyUser, resolved),
    groupWorkspace: toActionDefinition(groupWorkspace, resolved),
    assertRecord: toActionDefinition(assertRecord, resolved),
  };
  return {
    // Segment's naming. actions-core keys its validators `${name}:${title}` in ajv, a URI whose scheme then holds
    // a space: fast-uri 3.1.0 (Segment's lockfile, and ours through `overrides`) accepts it, 3.1.6+ refuses it.
    name: 'Attio PLG (Actions)',
    slug: 'actions-attio-plg',
    description:
      'Product-led growth in Attio: signups, activation milestones, PQL scoring and the self-serve-to-sales handoff from your Segment events, plus identify, group and any-object upserts.',
    mode: 'cloud',
    authentication: {
      scheme: 'custom',
      fields: settingsFields,
      testAuthentication: (request, { settings }) => testAuthentication(request, settings, resolved),
    },
    extendRequest: ({ settings }) => ({ headers: { authorization: `Bearer ${settings.apiKey}` } }),
    presets: Object.entries(plgActions).flatMap(([slug, action]) => presetOf(slug, action as PlgAction<never>)),
    actions,
  };
}

export default createAttioPlgDestination();

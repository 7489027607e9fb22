/**
 * The Segment Actions destination: a DestinationDefinition from @segment/actions-core that marketers map in
 * the Segment UI. Seven actions over the attio-plg core — the three of Segment's own Attio destination
 * (identifyUser, groupWorkspace, assertRecord) and the PLG workflows (signup, trackMilestone,
 * updatePqlScore, salesHandoff) — each with a default subscription and an automatic preset.
 */
import type { DestinationDefinition, Preset } from '@segment/actions-core';
import { classifyFailure } from '../../core/failures.js';
import { checkWorkspace } from '../../core/setup/index.js';
import { defaultValues } from './actions-core.js';
import assertRecord from './assertRecord/index.js';
import { attioClientFor } from './dynamic-fields.js';
import { errorFor } from './errors.js';
import type { Settings } from './generated-types.js';
import groupWorkspace from './groupWorkspace/index.js';
import identifyUser from './identifyUser/index.js';
import salesHandoff from './salesHandoff/index.js';
import { configFromSettings, settingsFields } from './settings.js';
import signup from './signup/index.js';
import trackMilestone from './trackMilestone/index.js';
import updatePqlScore from './updatePqlScore/index.js';
import { segmentErrorForReport } from './workspace-check.js';

const actions = { signup, trackMilestone, updatePqlScore, salesHandoff, identifyUser, groupWorkspace, assertRecord };

const presets: Preset[] = Object.entries(actions).map(([slug, action]) => ({
  name: action.title,
  subscribe: action.defaultSubscription ?? '',
  partnerAction: slug,
  mapping: defaultValues(action.fields),
  type: 'automatic',
}));

/** The workspace check (token, lists, stages, attributes, sales reps) for these settings: every problem with its fix. */
async function testAuthentication(request: Parameters<NonNullable<NonNullable<DestinationDefinition<Settings>['authentication']>['testAuthentication']>>[0], settings: Settings): Promise<void> {
  let report;
  try {
    report = await checkWorkspace(attioClientFor(request, settings), configFromSettings(settings));
  } catch (error) {
    throw errorFor(classifyFailure(error));
  }
  const notReady = segmentErrorForReport(report);
  if (notReady) throw notReady;
}

const destination: DestinationDefinition<Settings> = {
  // No space: actions-core keys its payload schemas `${name}:${title}` in ajv, and the fast-uri that ajv 8.20
  // brings refuses a URI scheme with a space ("Attio PLG:Signup"), failing every event before it is mapped.
  name: 'Attio-PLG',
  slug: 'actions-attio-plg',
  description:
    'Product-led growth in Attio: signups, activation milestones, PQL scoring and the self-serve-to-sales handoff from your Segment events, plus identify, group and any-object upserts.',
  mode: 'cloud',
  authentication: {
    scheme: 'custom',
    fields: settingsFields,
    testAuthentication: (request, { settings }) => testAuthentication(request, settings),
  },
  extendRequest: ({ settings }) => ({ headers: { authorization: `Bearer ${settings.apiKey}` } }),
  presets,
  actions,
};

export default destination;

/**
 * The Segment Actions destination: a DestinationDefinition from @segment/actions-core that marketers map in
 * the Segment UI. Seven actions over the attio-plg core — the three of Segment's own Attio destination
 * (identifyUser, groupWorkspace, assertRecord) and the PLG workflows (signup, trackMilestone,
 * updatePqlScore, salesHandoff) — each with a default subscription and an automatic preset.
 */
import type { DestinationDefinition, Preset } from '@segment/actions-core';
import { classifyFailure } from '../../core/failures.js';
import { InvalidAuthenticationError, defaultValues } from './actions-core.js';
import assertRecord from './assertRecord/index.js';
import { attioClientFor } from './dynamic-fields.js';
import { errorFor } from './errors.js';
import type { Settings } from './generated-types.js';
import groupWorkspace from './groupWorkspace/index.js';
import identifyUser from './identifyUser/index.js';
import salesHandoff from './salesHandoff/index.js';
import { settingsFields } from './settings.js';
import signup from './signup/index.js';
import trackMilestone from './trackMilestone/index.js';
import updatePqlScore from './updatePqlScore/index.js';

const actions = { signup, trackMilestone, updatePqlScore, salesHandoff, identifyUser, groupWorkspace, assertRecord };

const presets: Preset[] = Object.entries(actions).map(([slug, action]) => ({
  name: action.title,
  subscribe: action.defaultSubscription ?? '',
  partnerAction: slug,
  mapping: defaultValues(action.fields),
  type: 'automatic',
}));

/** GET /v2/self with the key: it must answer, and the token must be active. */
async function testAuthentication(request: Parameters<NonNullable<NonNullable<DestinationDefinition<Settings>['authentication']>['testAuthentication']>>[0], settings: Settings): Promise<void> {
  let active: boolean;
  try {
    active = (await attioClientFor(request, settings).getSelf()).active;
  } catch (error) {
    const failure = classifyFailure(error);
    throw failure.category === 'auth' ? new InvalidAuthenticationError(`Attio refused the API key (${failure.status ?? 'no status'})`) : errorFor(failure);
  }
  if (!active) throw new InvalidAuthenticationError('The Attio API key is not active: create a new access token in Attio (Workspace settings -> Developers).');
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

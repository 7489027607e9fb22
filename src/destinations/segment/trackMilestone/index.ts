import type { ActionDefinition } from '@segment/actions-core';
import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { milestoneFromFields } from '../../../mapping/from-fields.js';
import { batchingFields, deliveryFields, eventSubscription, personFields } from '../common-fields.js';
import type { Settings } from '../generated-types.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from '../send.js';
import type { Payload } from './generated-types.js';

const spec: PlgActionSpec<Payload> = {
  intents: (payload, config) => [milestoneFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
};

const milestoneEvents = Object.entries(CONFIG_DEFAULTS.milestoneEvents)
  .map(([event, key]) => `"${event}" -> ${key}`)
  .join(', ');

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Milestone',
  description: 'An activation milestone: adds it to the person’s milestones, updates their activation score and notes it once.',
  defaultSubscription: eventSubscription([...Object.keys(CONFIG_DEFAULTS.milestoneEvents), CONFIG_DEFAULTS.milestoneReachedEvent]),
  fields: {
    ...personFields('$.context.traits', ['$.context.traits.email', '$.properties.email']),
    event_name: {
      label: 'Event name',
      description: `The track event; names the milestone when Milestone is empty (${milestoneEvents}).`,
      type: 'string',
      default: { '@path': '$.event' },
    },
    milestone: {
      label: 'Milestone',
      description: 'The milestone key (a milestones_completed option such as first_integration). Empty: from the event name.',
      type: 'string',
      default: { '@path': '$.properties.milestone' },
    },
    ...deliveryFields,
    ...batchingFields,
  },
  perform: async (request, { settings, payload, logger }) => reportOne(await send(request, { settings, payload: [payload], logger }, spec)),
  performBatch: async (request, { settings, payload, logger }) => reportBatch(await send(request, { settings, payload, logger }, spec)),
};

export default action;

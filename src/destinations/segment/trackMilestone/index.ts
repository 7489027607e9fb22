import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { milestoneFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields, eventSubscription, personFields } from '../common-fields.js';
import { configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const milestoneEvents = Object.entries(CONFIG_DEFAULTS.milestoneEvents)
  .map(([event, key]) => `"${event}" -> ${key}`)
  .join(', ');

const trackMilestone: PlgAction<Payload> = {
  title: 'Track Milestone',
  description:
    'An activation milestone: adds it to the person’s milestones, updates their activation score and notes it once.',
  defaultSubscription: eventSubscription([
    ...Object.keys(CONFIG_DEFAULTS.milestoneEvents),
    CONFIG_DEFAULTS.milestoneReachedEvent,
  ]),
  fields: {
    ...personFields('$.context.traits', ['$.context.traits.email', '$.properties.email']),
    event_name: {
      label: 'Event Name',
      description: `The track event; names the milestone when Milestone is empty (${milestoneEvents}).`,
      type: 'string',
      default: { '@path': '$.event' },
    },
    milestone: {
      label: 'Milestone',
      description:
        'The milestone key (a milestones_completed option such as first_integration). Empty: from the event name.',
      type: 'string',
      default: { '@path': '$.properties.milestone' },
    },
    ...configFields('product_objects', 'strict'),
    ...deliveryFields,
    ...batchingFields,
  },
  intents: (payload, config) => [milestoneFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
};

export default trackMilestone;

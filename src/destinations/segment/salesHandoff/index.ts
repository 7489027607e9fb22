import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { handoffFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields, eventSubscription, personFields } from '../common-fields.js';
import { PEOPLE_FIELDS, configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const salesHandoff: PlgAction<Payload> = {
  title: 'Sales Handoff',
  description:
    'A user asks for sales: once per account and request kind, an Enterprise Upgrade deal at the handoff stage, a task for the rep and a note with the product story.',
  defaultSubscription: eventSubscription(CONFIG_DEFAULTS.handoffEvents),
  fields: {
    ...personFields('$.context.traits', ['$.context.traits.email', '$.properties.email']),
    event_name: {
      label: 'Request',
      description: 'What was asked for (the track event name): one deal task per account and request.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' },
    },
    value: {
      label: 'Deal Value',
      description: 'The expected deal value.',
      type: 'number',
      default: { '@path': '$.properties.value' },
    },
    plan: {
      label: 'Plan',
      description: 'The plan asked for.',
      type: 'string',
      default: { '@path': '$.properties.plan' },
    },
    reason: {
      label: 'Reason',
      description: 'Why they asked, in their words.',
      type: 'text',
      default: { '@path': '$.properties.reason' },
    },
    ...configFields('handoff_stage', 'sales_reps', 'task_due_hours', ...PEOPLE_FIELDS),
    ...deliveryFields,
    ...batchingFields,
  },
  intents: (payload) => [handoffFromFields(payload)],
  messageId: (payload) => payload.message_id,
};

export default salesHandoff;

import type { ActionDefinition, RequestClient } from '@segment/actions-core';
import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { handoffFromFields } from '../../../mapping/from-fields.js';
import { batchingFields, deliveryFields, eventSubscription, personFields, salesRepsField } from '../common-fields.js';
import { dealStageChoices, salesRepChoices } from '../dynamic-fields.js';
import type { Settings } from '../generated-types.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from '../send.js';
import type { Payload } from './generated-types.js';

const spec: PlgActionSpec<Payload> = {
  intents: (payload) => [handoffFromFields(payload)],
  messageId: (payload) => payload.message_id,
  overrides: (payload) => ({ handoffStage: payload.handoff_stage, salesReps: payload.sales_reps }),
  overrideFields: { handoffStage: 'handoff_stage', salesReps: 'sales_reps' },
};

const action: ActionDefinition<Settings, Payload> = {
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
    value: { label: 'Deal value', description: 'The expected deal value.', type: 'number', default: { '@path': '$.properties.value' } },
    plan: { label: 'Plan', description: 'The plan asked for.', type: 'string', default: { '@path': '$.properties.plan' } },
    reason: { label: 'Reason', description: 'Why they asked, in their words.', type: 'text', default: { '@path': '$.properties.reason' } },
    handoff_stage: {
      label: 'Handoff deal stage',
      description: 'The stage of the handoff deal. Empty: the Handoff deal stage setting.',
      type: 'string',
      dynamic: true,
    },
    sales_reps: salesRepsField,
    ...deliveryFields,
    ...batchingFields,
  },
  dynamicFields: {
    handoff_stage: (request, { settings }) => dealStageChoices(request, settings),
    // actions-core's types allow no dynamic function on a multiple-value string field (its IsArray maps
    // string[] to never); the runtime calls it like any other, as the dynamic-field test shows.
    sales_reps: ((request: RequestClient, { settings }: { settings: Settings }) => salesRepChoices(request, settings)) as never,
  },
  perform: async (request, { settings, payload, logger }) => reportOne(await send(request, { settings, payload: [payload], logger }, spec)),
  performBatch: async (request, { settings, payload, logger }) => reportBatch(await send(request, { settings, payload, logger }, spec)),
};

export default action;

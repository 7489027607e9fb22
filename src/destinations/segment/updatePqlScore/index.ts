import type { ActionDefinition, RequestClient } from '@segment/actions-core';
import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { pqlFromFields } from '../../../mapping/from-fields.js';
import { batchingFields, deliveryFields, eventSubscription, personFields, salesRepsField, signalsField } from '../common-fields.js';
import { dealStageChoices, listChoices, salesRepChoices } from '../dynamic-fields.js';
import type { Settings } from '../generated-types.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from '../send.js';
import type { Payload } from './generated-types.js';

const spec: PlgActionSpec<Payload> = {
  intents: (payload, config) => [pqlFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
  overrides: (payload) => ({ pqlList: payload.pql_list, pqlStage: payload.pql_stage, salesReps: payload.sales_reps }),
  overrideFields: { pqlList: 'pql_list', pqlStage: 'pql_stage', salesReps: 'sales_reps' },
};

const action: ActionDefinition<Settings, Payload> = {
  title: 'Update PQL Score',
  description:
    'Scores usage signals: writes the PQL score, tier and explanation; on first qualification adds the person to the PQL list, notes why, and opens the account’s PQL deal with a follow-up task.',
  defaultSubscription: eventSubscription(CONFIG_DEFAULTS.usageEvents),
  fields: {
    ...personFields('$.context.traits', ['$.context.traits.email', '$.properties.email']),
    signals: { ...signalsField('$.properties', 'The usage counts to score.'), required: true },
    pql_list: { label: 'PQL list', description: 'The Attio list qualified leads are added to. Empty: the PQL list setting.', type: 'string', dynamic: true },
    pql_stage: { label: 'PQL deal stage', description: 'The stage of the PQL deal. Empty: the PQL deal stage setting.', type: 'string', dynamic: true },
    sales_reps: salesRepsField,
    ...deliveryFields,
    ...batchingFields,
  },
  dynamicFields: {
    pql_list: (request, { settings }) => listChoices(request, settings),
    pql_stage: (request, { settings }) => dealStageChoices(request, settings),
    // actions-core's types allow no dynamic function on a multiple-value string field (its IsArray maps
    // string[] to never); the runtime calls it like any other, as the dynamic-field test shows.
    sales_reps: ((request: RequestClient, { settings }: { settings: Settings }) => salesRepChoices(request, settings)) as never,
  },
  perform: async (request, { settings, payload, logger }) => reportOne(await send(request, { settings, payload: [payload], logger }, spec)),
  performBatch: async (request, { settings, payload, logger }) => reportBatch(await send(request, { settings, payload, logger }, spec)),
};

export default action;

import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { pqlFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields, eventSubscription, personFields, signalsField } from '../common-fields.js';
import { ACCOUNT_FIELDS, PEOPLE_FIELDS, QUALIFICATION_FIELDS, configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const updatePqlScore: PlgAction<Payload> = {
  title: 'Update PQL Score',
  description:
    'Scores usage signals: writes the PQL score, tier and explanation; on first qualification adds the person to the PQL list, notes why, and opens the account’s PQL deal with a follow-up task.',
  defaultSubscription: eventSubscription(CONFIG_DEFAULTS.usageEvents),
  fields: {
    ...personFields('$.context.traits', ['$.context.traits.email', '$.properties.email']),
    signals: { ...signalsField('$.properties', 'The usage counts to score.'), required: true },
    ...configFields(...QUALIFICATION_FIELDS, ...ACCOUNT_FIELDS, ...PEOPLE_FIELDS),
    ...deliveryFields,
    ...batchingFields,
  },
  intents: (payload, config) => [pqlFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
};

export default updatePqlScore;

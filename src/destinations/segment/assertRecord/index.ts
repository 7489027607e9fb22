import { assertRecordFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields } from '../common-fields.js';
import { configFields } from '../config-fields.js';
import { attributeChoices, objectChoices } from '../dynamic-fields.js';
import type { Payload } from './generated-types.js';

/**
 * A tool a user subscribes deliberately, as in Segment's own Attio destination: no default subscription and
 * no automatic preset, since it writes whatever object it is pointed at (an identify preset would write the
 * person Identify User writes).
 */
const assertRecord: PlgAction<Payload> = {
  title: 'Assert Record',
  description: 'Create or update a record of any Attio object, matched on one of its unique attributes.',
  fields: {
    object: {
      label: 'Attio Object',
      description: 'The object whose record to create or update.',
      type: 'string',
      required: true,
      dynamic: true,
      default: 'people',
    },
    matching_attribute: {
      label: 'Matching Attribute',
      description:
        'A unique attribute of the object: a record with the same value is updated instead of a new one created.',
      type: 'string',
      required: true,
      dynamic: true,
      default: 'email_addresses',
    },
    attributes: {
      label: 'Attributes',
      description: 'Values to set: Attio attribute slug -> value. Must include the matching attribute.',
      type: 'object',
      required: true,
      additionalProperties: true,
      defaultObjectUI: 'keyvalue:only',
      dynamic: true,
      default: { email_addresses: { '@path': '$.traits.email' } },
    },
    ...configFields('strict'),
    message_id: { ...deliveryFields.message_id, required: false },
    ...batchingFields,
  },
  dropdowns: {
    object: (workspace) => objectChoices(workspace),
    matching_attribute: (workspace, payload) => attributeChoices(workspace, payload.object, 'unique'),
    attributes: { __keys__: (workspace, payload) => attributeChoices(workspace, payload.object, 'writable') },
  },
  intents: (payload) => [assertRecordFromFields(payload)],
  messageId: (payload) => payload.message_id,
};

export default assertRecord;

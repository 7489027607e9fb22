import type { ActionDefinition } from '@segment/actions-core';
import { assertRecordFromFields } from '../../../mapping/from-fields.js';
import { batchingFields, deliveryFields } from '../common-fields.js';
import { attributeChoices, objectChoices } from '../dynamic-fields.js';
import type { Settings } from '../generated-types.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from '../send.js';
import type { Payload } from './generated-types.js';

const spec: PlgActionSpec<Payload> = {
  intents: (payload) => [assertRecordFromFields(payload)],
  messageId: (payload) => payload.message_id,
};

const action: ActionDefinition<Settings, Payload> = {
  title: 'Assert Record',
  description: 'Create or update a record of any Attio object, matched on one of its unique attributes.',
  defaultSubscription: 'type = "identify"',
  fields: {
    object: {
      label: 'Attio object',
      description: 'The object whose record to create or update.',
      type: 'string',
      required: true,
      dynamic: true,
      default: 'people',
    },
    matching_attribute: {
      label: 'Matching attribute',
      description: 'A unique attribute of the object: a record with the same value is updated instead of a new one created.',
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
    message_id: { ...deliveryFields.message_id, required: false },
    ...batchingFields,
  },
  dynamicFields: {
    object: (request, { settings }) => objectChoices(request, settings),
    matching_attribute: (request, { settings, payload }) => attributeChoices(request, settings, payload.object, 'unique'),
    attributes: {
      __keys__: (request, { settings, payload }) => attributeChoices(request, settings, payload.object, 'writable'),
    },
  },
  perform: async (request, { settings, payload, logger }) => reportOne(await send(request, { settings, payload: [payload], logger }, spec)),
  performBatch: async (request, { settings, payload, logger }) => reportBatch(await send(request, { settings, payload, logger }, spec)),
};

export default action;

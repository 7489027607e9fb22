import type { ActionDefinition } from '@segment/actions-core';
import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { signupFromFields } from '../../../mapping/from-fields.js';
import { batchingFields, deliveryFields, eventSubscription, firstOf, personFields } from '../common-fields.js';
import { listChoices } from '../dynamic-fields.js';
import type { Settings } from '../generated-types.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from '../send.js';
import type { Payload } from './generated-types.js';

const person = personFields('$.context.traits', ['$.context.traits.email', '$.traits.email', '$.properties.email']);

const spec: PlgActionSpec<Payload> = {
  intents: (payload, config) => [signupFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
  overrides: (payload) => ({ trialList: payload.trial_list }),
  overrideFields: { trialList: 'trial_list' },
};

const action: ActionDefinition<Settings, Payload> = {
  title: 'Signup',
  description: 'A new signup or trial: the company of their work email, the person linked to it, and an entry in the trial list.',
  defaultSubscription: eventSubscription(CONFIG_DEFAULTS.signupEvents),
  fields: {
    ...person,
    email: { ...person.email, required: true },
    title: { label: 'Job title', description: 'The person’s job title.', type: 'string', default: { '@path': '$.context.traits.title' } },
    plan: { label: 'Plan', description: 'The plan they signed up for (a plan_type option).', type: 'string', default: firstOf('$.properties.plan', '$.context.traits.plan') },
    created_at: {
      label: 'Signup date',
      description: 'When the account was created; the event’s timestamp when empty.',
      type: 'datetime',
      default: { '@path': '$.context.traits.createdAt' },
    },
    company_name: {
      label: 'Company name',
      description: 'The company’s name, for a company created from the email domain.',
      type: 'string',
      default: firstOf('$.context.traits.company.name', '$.properties.company_name'),
    },
    company_domain: {
      label: 'Company website',
      description: 'The company’s website or domain (reduced to its host).',
      type: 'string',
      default: firstOf('$.context.traits.company.website', '$.context.traits.company.domain'),
    },
    workspace_id: {
      label: 'Workspace ID',
      description: 'The product workspace (account) the person belongs to.',
      type: 'string',
      default: firstOf('$.context.traits.company.id', '$.context.groupId'),
    },
    signup_source: {
      label: 'Signup source',
      description: 'Where the signup came from; "product" when empty.',
      type: 'string',
      default: firstOf('$.properties.source', '$.context.campaign.source'),
    },
    trial_list: {
      label: 'Trial list',
      description: 'The Attio list signups are added to. Empty: the Trial list setting.',
      type: 'string',
      dynamic: true,
    },
    ...deliveryFields,
    ...batchingFields,
  },
  dynamicFields: {
    trial_list: (request, { settings }) => listChoices(request, settings),
  },
  perform: async (request, { settings, payload, logger }) => reportOne(await send(request, { settings, payload: [payload], logger }, spec)),
  performBatch: async (request, { settings, payload, logger }) => reportBatch(await send(request, { settings, payload, logger }, spec)),
};

export default action;

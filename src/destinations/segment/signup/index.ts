import { CONFIG_DEFAULTS } from '../../../core/config/index.js';
import { signupFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields, eventSubscription, firstOf, personFields } from '../common-fields.js';
import { PEOPLE_FIELDS, configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const person = personFields('$.context.traits', ['$.context.traits.email', '$.traits.email', '$.properties.email']);

const signup: PlgAction<Payload> = {
  title: 'Signup',
  description:
    'A new signup or trial: the company of their work email, the person linked to it, and an entry in the trial list.',
  defaultSubscription: eventSubscription(CONFIG_DEFAULTS.signupEvents),
  fields: {
    ...person,
    email: { ...person.email, required: true },
    title: {
      label: 'Job Title',
      description: 'The person’s job title.',
      type: 'string',
      default: { '@path': '$.context.traits.title' },
    },
    plan: {
      label: 'Plan',
      description: 'The plan they signed up for (a plan_type option).',
      type: 'string',
      default: firstOf('$.properties.plan', '$.context.traits.plan'),
    },
    created_at: {
      label: 'Signup Date',
      description: 'When the account was created; the event’s timestamp when empty.',
      type: 'datetime',
      default: { '@path': '$.context.traits.createdAt' },
    },
    company_name: {
      label: 'Company Name',
      description: 'The company’s name, for a company created from the email domain.',
      type: 'string',
      default: firstOf('$.context.traits.company.name', '$.properties.company_name'),
    },
    company_domain: {
      label: 'Company Website',
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
      label: 'Signup Source',
      description: 'Where the signup came from; "product" when empty.',
      type: 'string',
      default: firstOf('$.properties.source', '$.context.campaign.source'),
    },
    ...configFields('trial_list', ...PEOPLE_FIELDS),
    ...deliveryFields,
    ...batchingFields,
  },
  intents: (payload, config) => [signupFromFields(payload, config)],
  messageId: (payload) => payload.message_id,
};

export default signup;

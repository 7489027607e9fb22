import { InvalidEventError } from '../../../core/errors.js';
import type { WorkflowIntent } from '../../../core/workflows/index.js';
import { attributeValues, extraAttributesIntent, identifyFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import {
  batchingFields,
  deliveryFields,
  extraAttributesField,
  firstOf,
  personFields,
  signalsField,
} from '../common-fields.js';
import { ACCOUNT_FIELDS, PEOPLE_FIELDS, QUALIFICATION_FIELDS, configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const identifyUser: PlgAction<Payload> = {
  title: 'Identify User',
  description:
    'Create or update the Attio person (with their work-email company) and, when the workspace has the Users object, the user linked to them; usage signals in the traits update the PQL score.',
  defaultSubscription: 'type = "identify"',
  fields: {
    ...personFields('$.traits', ['$.traits.email', '$.context.traits.email', '$.email']),
    title: {
      label: 'Job Title',
      description: 'The person’s job title.',
      type: 'string',
      default: { '@path': '$.traits.title' },
    },
    plan: {
      label: 'Plan',
      description: 'The person’s plan (a plan_type option).',
      type: 'string',
      default: { '@path': '$.traits.plan' },
    },
    created_at: {
      label: 'Signup Date',
      description: 'When the account was created.',
      type: 'datetime',
      default: { '@path': '$.traits.createdAt' },
    },
    company_name: {
      label: 'Company Name',
      description: 'The company’s name.',
      type: 'string',
      default: { '@path': '$.traits.company.name' },
    },
    company_domain: {
      label: 'Company Website',
      description: 'The company’s website or domain (reduced to its host).',
      type: 'string',
      default: firstOf('$.traits.company.website', '$.traits.company.domain'),
    },
    workspace_id: {
      label: 'Workspace ID',
      description: 'The product workspace (account) the person belongs to.',
      type: 'string',
      default: firstOf('$.traits.company.id', '$.context.groupId'),
    },
    signals: signalsField('$.traits', 'Usage counts in the traits; when any is present the PQL score is updated.'),
    person_attributes: extraAttributesField('Person'),
    user_attributes: extraAttributesField('User'),
    ...configFields(...QUALIFICATION_FIELDS, ...ACCOUNT_FIELDS, ...PEOPLE_FIELDS),
    ...deliveryFields,
    ...batchingFields,
  },
  intents(payload, config) {
    const intents: WorkflowIntent[] = identifyFromFields(payload, config);
    const [identify] = intents;
    const { email, userId } = identify?.kind === 'identify' ? identify.person : { email: undefined, userId: undefined };
    if (
      email === undefined &&
      Object.keys(attributeValues(payload.person_attributes, 'person_attributes')).length > 0
    ) {
      throw new InvalidEventError('email', 'is required to write person_attributes (people are matched on email)');
    }
    const person = extraAttributesIntent(payload.person_attributes, 'person_attributes', {
      object: 'people',
      matchingAttribute: 'email_addresses',
      matchingValue: email,
    });
    if (userId === undefined && Object.keys(attributeValues(payload.user_attributes, 'user_attributes')).length > 0) {
      throw new InvalidEventError('user_id', 'is required to write user_attributes (users are matched on user_id)');
    }
    const user = extraAttributesIntent(payload.user_attributes, 'user_attributes', {
      object: 'users',
      matchingAttribute: 'user_id',
      matchingValue: userId,
    });
    return [...intents, ...(person ? [person] : []), ...(user ? [user] : [])];
  },
  messageId: (payload) => payload.message_id,
};

export default identifyUser;

import type { WorkflowIntent } from '../../../core/workflows/index.js';
import { companyDomainAllowed, extraAttributesIntent, groupFromFields } from '../../../mapping/from-fields.js';
import type { PlgAction } from '../action.js';
import { batchingFields, deliveryFields, extraAttributesField, firstOf, signalsField } from '../common-fields.js';
import { ACCOUNT_FIELDS, PEOPLE_FIELDS, SCORING_FIELDS, configFields } from '../config-fields.js';
import type { Payload } from './generated-types.js';

const groupWorkspace: PlgAction<Payload> = {
  title: 'Group Workspace',
  description:
    'Create or update the company (by its website’s domain, with the account score when the traits carry usage signals) and, when the workspace has the Workspaces object, the workspace linked to it; links the calling person to the company.',
  defaultSubscription: 'type = "group"',
  fields: {
    group_id: {
      label: 'Workspace ID',
      description: 'The product workspace (account) ID.',
      type: 'string',
      required: true,
      default: firstOf('$.groupId', '$.context.group_id'),
    },
    domain: {
      label: 'Domain',
      description:
        'The company’s website or domain (reduced to its host, so it matches companies made from email domains).',
      type: 'string',
      default: firstOf('$.traits.website', '$.traits.domain', '$.website'),
    },
    name: {
      label: 'Company Name',
      description: 'The company’s name.',
      type: 'string',
      default: { '@path': '$.traits.name' },
    },
    plan: {
      label: 'Plan',
      description: 'The account’s plan (a plan_type option).',
      type: 'string',
      default: { '@path': '$.traits.plan' },
    },
    email: {
      label: 'Email',
      description: 'The email of the person who made the call, to link them to the company.',
      type: 'string',
      default: { '@path': '$.context.traits.email' },
    },
    user_id: {
      label: 'User ID',
      description: 'The user who made the call, to link them to the company.',
      type: 'string',
      default: { '@path': '$.userId' },
    },
    signals: signalsField(
      '$.traits',
      'Account-level usage counts; when any is present the company gets an account score.',
    ),
    company_attributes: extraAttributesField('Company'),
    workspace_attributes: extraAttributesField('Workspace'),
    ...configFields(
      ...SCORING_FIELDS,
      ...ACCOUNT_FIELDS,
      'pql_stage',
      'sales_reps',
      'task_due_hours',
      ...PEOPLE_FIELDS,
    ),
    ...deliveryFields,
    ...batchingFields,
  },
  intents(payload, config) {
    const group = groupFromFields(payload, config);
    const domain = group.company.domain;
    // A free-mail website makes no company (the group workflow skips it), so its extra attributes have no home either.
    const company =
      domain !== undefined && companyDomainAllowed(domain, config)
        ? extraAttributesIntent(payload.company_attributes, 'company_attributes', {
            object: 'companies',
            matchingAttribute: 'domains',
            matchingValue: domain,
          })
        : undefined;
    const workspace = extraAttributesIntent(payload.workspace_attributes, 'workspace_attributes', {
      object: 'workspaces',
      matchingAttribute: 'workspace_id',
      matchingValue: group.groupId,
    });
    const intents: WorkflowIntent[] = [group];
    if (company) intents.push(company);
    if (workspace) intents.push(workspace);
    return intents;
  },
  messageId: (payload) => payload.message_id,
};

export default groupWorkspace;

/** Attio calls of the attio_plg cases, recorded from the emulator by test/integrations/support/record.ts. */
import { authHeader1 } from './maskedSecrets';

export const networkCallsData = [
  {
    httpReq: {
      url: 'https://api.attio.com/v2/self',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        active: true,
        scope:
          'record_permission:read-write object_configuration:read list_entry:read-write list_configuration:read note:read-write task:read-write user_management:read',
        client_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
        token_type: 'Bearer',
        exp: null,
        iat: 1796406637,
        sub: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
        aud: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
        iss: 'attio.com',
        authorized_by_workspace_member_id: '08791548-311b-435e-91c8-c63b2d4e39b3',
        workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
        workspace_name: 'PLG Demo',
        workspace_slug: 'plg-demo',
        workspace_logo_url: null,
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            },
            api_slug: 'people',
            singular_noun: 'Person',
            plural_noun: 'People',
            created_at: '2026-12-04T17:50:37.999Z',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            },
            api_slug: 'companies',
            singular_noun: 'Company',
            plural_noun: 'Companies',
            created_at: '2026-12-04T17:50:37.999Z',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
            },
            api_slug: 'deals',
            singular_noun: 'Deal',
            plural_noun: 'Deals',
            created_at: '2026-12-04T17:50:37.999Z',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'd846e302-1c22-4e05-8943-8d931bf5a656',
            },
            api_slug: 'users',
            singular_noun: 'User',
            plural_noun: 'Users',
            created_at: '2026-12-04T17:50:37.999Z',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8714f9d3-7652-4004-825e-9fe0149b51b9',
            },
            api_slug: 'workspaces',
            singular_noun: 'Workspace',
            plural_noun: 'Workspaces',
            created_at: '2026-12-04T17:50:37.999Z',
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/lists',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              list_id: '1f419e51-cd31-403c-807b-346e5a81e5b6',
            },
            api_slug: 'active_trials',
            name: 'Active Trials',
            parent_object: ['people'],
            workspace_access: 'full-access',
            workspace_member_access: [],
            created_by_actor: {
              type: 'workspace-member',
              id: '08791548-311b-435e-91c8-c63b2d4e39b3',
            },
            created_at: '2026-12-04T17:50:37.999Z',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              list_id: '0e3d2a33-1844-4321-a020-9a1b18bcd6a8',
            },
            api_slug: 'pql_queue',
            name: 'PQL Queue',
            parent_object: ['people'],
            workspace_access: 'full-access',
            workspace_member_access: [],
            created_by_actor: {
              type: 'workspace-member',
              id: '08791548-311b-435e-91c8-c63b2d4e39b3',
            },
            created_at: '2026-12-04T17:50:37.999Z',
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/workspace_members',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              workspace_member_id: '08791548-311b-435e-91c8-c63b2d4e39b3',
            },
            first_name: 'Avery',
            last_name: 'Admin',
            avatar_url: null,
            email_address: 'admin@plg-demo.test',
            created_at: '2026-12-04T17:50:37.999Z',
            access_level: 'admin',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              workspace_member_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
            },
            first_name: 'Alex',
            last_name: 'Rivera',
            avatar_url: null,
            email_address: 'alex.rivera@plg-demo.test',
            created_at: '2026-12-04T17:50:37.999Z',
            access_level: 'member',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              workspace_member_id: '2d95e58b-ad67-4be3-b97e-4bd8aa7d7f5c',
            },
            first_name: 'Sam',
            last_name: 'Chen',
            avatar_url: null,
            email_address: 'sam.chen@plg-demo.test',
            created_at: '2026-12-04T17:50:37.999Z',
            access_level: 'member',
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              workspace_member_id: '1c47f25e-001b-4efc-a812-df678b62244a',
            },
            first_name: 'Jordan',
            last_name: 'Patel',
            avatar_url: null,
            email_address: 'jordan.patel@plg-demo.test',
            created_at: '2026-12-04T17:50:37.999Z',
            access_level: 'member',
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/attributes',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '2a6b4382-2e3c-41c8-b086-533a712bac69',
            },
            title: 'Name',
            description: null,
            api_slug: 'name',
            type: 'personal-name',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'abd3d065-62e1-459a-b550-1f3dda661d8c',
            },
            title: 'Email addresses',
            description: null,
            api_slug: 'email_addresses',
            type: 'email-address',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: true,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'e14d5491-ef2a-41d0-866f-9f47bbef75c8',
            },
            title: 'Description',
            description: null,
            api_slug: 'description',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '2271a6b3-5f0f-4f40-b322-e5f406480258',
            },
            title: 'Company',
            description: null,
            api_slug: 'company',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
                attribute_id: '5968ee39-0ce3-4fff-b145-6d12b9500fd9',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['b48e661a-7656-483f-b41c-59039272fa98'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '317e24d3-78fc-4964-9fde-97ae93505376',
            },
            title: 'Job title',
            description: null,
            api_slug: 'job_title',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '4cca96b4-900e-4998-8a3c-4ad8f2e2293c',
            },
            title: 'Linkedin',
            description: null,
            api_slug: 'linkedin',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'a56ac450-983f-4429-b640-68cfd07e621a',
            },
            title: 'Associated deals',
            description: null,
            api_slug: 'associated_deals',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                attribute_id: '375ba787-ee14-4313-baa9-acb3c53704ba',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['8e7fa308-8012-43fc-b7bf-5dfc7b5398b5'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '425e39cc-b71d-44b1-a1f4-2bca9dcb755a',
            },
            title: 'Associated users',
            description: null,
            api_slug: 'associated_users',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: 'd846e302-1c22-4e05-8943-8d931bf5a656',
                attribute_id: '15d3a01e-5684-47d3-995a-7a2c1fa65f52',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['d846e302-1c22-4e05-8943-8d931bf5a656'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '06c93a0e-276c-454a-a4fc-e661912c1fd2',
            },
            title: 'Signup date',
            description: null,
            api_slug: 'signup_date',
            type: 'date',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '9c4f86f1-bddd-48c5-be7f-0df1e488e56b',
            },
            title: 'Signup source',
            description: null,
            api_slug: 'signup_source',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
            },
            title: 'Plan type',
            description: null,
            api_slug: 'plan_type',
            type: 'select',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '7fe17a79-30b1-4a06-a5fd-1e15bbe979c0',
            },
            title: 'PQL score',
            description: null,
            api_slug: 'pql_score',
            type: 'number',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
            },
            title: 'PQL tier',
            description: null,
            api_slug: 'pql_tier',
            type: 'select',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '3283ac87-f5e4-40cd-a40a-48182a0f5924',
            },
            title: 'PQL explanation',
            description: null,
            api_slug: 'pql_explanation',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'bb4ca539-cfc2-4707-9573-e8660c78ed26',
            },
            title: 'PQL scored at',
            description: null,
            api_slug: 'pql_scored_at',
            type: 'timestamp',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '5add46d0-35de-438d-900b-470ef359a1d0',
            },
            title: 'PQL qualified at',
            description: null,
            api_slug: 'pql_qualified_at',
            type: 'timestamp',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'd024d96c-13ff-43ca-b848-529bb5ea20be',
            },
            title: 'Last activity date',
            description: null,
            api_slug: 'last_activity_date',
            type: 'date',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '754000de-ebb7-4b9a-b044-2e536c04a8d7',
            },
            title: 'Activation score',
            description: null,
            api_slug: 'activation_score',
            type: 'number',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
            },
            title: 'Milestones completed',
            description: null,
            api_slug: 'milestones_completed',
            type: 'select',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'fc11a24e-c0dd-4e6f-94e6-5b42b0839354',
            },
            title: 'Profile updated at',
            description: null,
            api_slug: 'profile_updated_at',
            type: 'timestamp',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '359a4a8a-1ddc-40f1-8325-21e5ab344818',
            },
            title: 'Created at',
            description: null,
            api_slug: 'created_at',
            type: 'timestamp',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: 'a2a7692c-5776-492b-bdd5-ca53d59c6250',
            },
            title: 'Created by',
            description: null,
            api_slug: 'created_by',
            type: 'actor-reference',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/attributes',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '5e9ef527-95b7-4c1a-8e69-c4be01290c8d',
            },
            title: 'Name',
            description: null,
            api_slug: 'name',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '680f64a3-f50b-4f42-8b96-70525dac418f',
            },
            title: 'Domains',
            description: null,
            api_slug: 'domains',
            type: 'domain',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: true,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '2310beb5-aa40-43d8-8c94-370c56a4f3b8',
            },
            title: 'Description',
            description: null,
            api_slug: 'description',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '5968ee39-0ce3-4fff-b145-6d12b9500fd9',
            },
            title: 'Team',
            description: null,
            api_slug: 'team',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                attribute_id: '2271a6b3-5f0f-4f40-b322-e5f406480258',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['846a3af7-c66c-4c3f-b0a8-142fa7e1eba0'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'da9a6a3b-9e6a-4f32-93ba-9753adfbf16a',
            },
            title: 'Associated deals',
            description: null,
            api_slug: 'associated_deals',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                attribute_id: '5ed745ab-80b7-49af-8218-0a5df21ae329',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['8e7fa308-8012-43fc-b7bf-5dfc7b5398b5'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '777e3ee9-7b27-4de9-9513-6e042f36b536',
            },
            title: 'Associated workspaces',
            description: null,
            api_slug: 'associated_workspaces',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: '8714f9d3-7652-4004-825e-9fe0149b51b9',
                attribute_id: '743b2df9-7101-48f2-a454-81aa64c89740',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['8714f9d3-7652-4004-825e-9fe0149b51b9'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'b0f26500-d229-4339-af16-f5736e3ac5eb',
            },
            title: 'PQL score',
            description: null,
            api_slug: 'pql_score',
            type: 'number',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
            },
            title: 'Plan type',
            description: null,
            api_slug: 'plan_type',
            type: 'select',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: '15c60b63-6b74-474b-8804-9bfbf148cfbc',
            },
            title: 'Account updated at',
            description: null,
            api_slug: 'account_updated_at',
            type: 'timestamp',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'fec65108-1972-41cf-907d-29aa18d0f1f3',
            },
            title: 'Created at',
            description: null,
            api_slug: 'created_at',
            type: 'timestamp',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'f2915820-2f53-448f-a165-8041d1a6e87f',
            },
            title: 'Created by',
            description: null,
            api_slug: 'created_by',
            type: 'actor-reference',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/attributes',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'a6e85ab7-b531-43a9-b118-406359635a28',
            },
            title: 'Name',
            description: null,
            api_slug: 'name',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: true,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
            },
            title: 'Stage',
            description: null,
            api_slug: 'stage',
            type: 'status',
            is_system_attribute: false,
            is_writable: true,
            is_required: true,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: '4c28a0e9-7672-4b02-a9e3-854955700ccd',
            },
            title: 'Owner',
            description: null,
            api_slug: 'owner',
            type: 'actor-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: true,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: '395138d5-0498-469c-b3b0-0eda3aaf61a8',
            },
            title: 'Value',
            description: null,
            api_slug: 'value',
            type: 'currency',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: 'USD',
                display_type: 'symbol',
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: '375ba787-ee14-4313-baa9-acb3c53704ba',
            },
            title: 'Associated people',
            description: null,
            api_slug: 'associated_people',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: true,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                attribute_id: 'a56ac450-983f-4429-b640-68cfd07e621a',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['846a3af7-c66c-4c3f-b0a8-142fa7e1eba0'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: '5ed745ab-80b7-49af-8218-0a5df21ae329',
            },
            title: 'Associated company',
            description: null,
            api_slug: 'associated_company',
            type: 'record-reference',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: {
              id: {
                workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
                attribute_id: 'da9a6a3b-9e6a-4f32-93ba-9753adfbf16a',
              },
            },
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: ['b48e661a-7656-483f-b41c-59039272fa98'],
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'b5f0e4bc-cacf-45ff-9cc3-9039db7bfb12',
            },
            title: 'PLG deal key',
            description: null,
            api_slug: 'plg_deal_key',
            type: 'text',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: true,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: '1c1748ab-1f92-45c2-aec5-379800861103',
            },
            title: 'Created at',
            description: null,
            api_slug: 'created_at',
            type: 'timestamp',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'ea51c696-2e2d-491c-ac16-b1f7a78aab1e',
            },
            title: 'Created by',
            description: null,
            api_slug: 'created_by',
            type: 'actor-reference',
            is_system_attribute: true,
            is_writable: false,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/lists/active_trials/attributes',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '1f419e51-cd31-403c-807b-346e5a81e5b6',
              attribute_id: '8d8421f4-ff46-4567-9f9d-f7aaa3e02d75',
            },
            title: 'Trial started at',
            description: null,
            api_slug: 'trial_started_at',
            type: 'timestamp',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/lists/pql_queue/attributes',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '0e3d2a33-1844-4321-a020-9a1b18bcd6a8',
              attribute_id: '56bf85ee-6c3d-4fc3-a119-c0878809b864',
            },
            title: 'PQL score',
            description: null,
            api_slug: 'pql_score',
            type: 'number',
            is_system_attribute: false,
            is_writable: true,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            is_default_value_enabled: false,
            is_archived: false,
            default_value: null,
            relationship: null,
            created_at: '2026-12-04T17:50:37.999Z',
            config: {
              currency: {
                default_currency_code: null,
                display_type: null,
              },
              record_reference: {
                allowed_object_ids: null,
              },
            },
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/attributes/plan_type/options',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
              option_id: '21f7aa23-32e3-4b5f-b25e-14591d136edc',
            },
            title: 'free',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
              option_id: 'b7ab1617-5381-42c4-9f83-2ae45d33b386',
            },
            title: 'trial',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
              option_id: '7cda682b-8d8d-4e98-812d-3994d4371965',
            },
            title: 'starter',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
              option_id: '483d305f-247b-4adc-9a1b-96df9e6d9507',
            },
            title: 'pro',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
              option_id: '547189f5-a623-421f-afa2-55af64ce1f2b',
            },
            title: 'enterprise',
            is_archived: false,
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/attributes/pql_tier/options',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
              option_id: 'd997f864-0ce3-4abb-846b-711504000725',
            },
            title: 'cold',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
              option_id: '1445fb17-be90-40db-928b-e9e78b7707b4',
            },
            title: 'warm',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
              option_id: 'aad05fdf-06f8-4309-b2f2-a6b59f1cae03',
            },
            title: 'hot',
            is_archived: false,
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/attributes/milestones_completed/options',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
              option_id: '8f1a4c14-1eb7-48ee-b0ba-4a3f01568ee1',
            },
            title: 'onboarding_completed',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
              option_id: '8fa7dfef-282b-4e82-a812-c48928e419bf',
            },
            title: 'first_integration',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
              option_id: 'ede81ffd-c964-4007-8376-d6709ef92555',
            },
            title: 'data_imported',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
              option_id: 'f0ba781c-d685-4aec-85ec-32703c3e3b19',
            },
            title: 'team_invited',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              attribute_id: '07c95cb4-0bf2-4c52-b989-2f9e49d2fed3',
              option_id: '2add2a5e-19fc-4c26-b5ad-e53d360c8ac0',
            },
            title: 'feature_activated',
            is_archived: false,
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/attributes/plan_type/options',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
              option_id: '2873e076-6435-4906-8408-501754724f75',
            },
            title: 'free',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
              option_id: '43d0a68c-a436-4f38-9bbd-91b85e634764',
            },
            title: 'trial',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
              option_id: '7450717f-fc85-47dd-a538-f79236623504',
            },
            title: 'starter',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
              option_id: '2de84af5-ee8d-4cf8-b78a-341fba7223eb',
            },
            title: 'pro',
            is_archived: false,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
              attribute_id: 'e1387b8b-b1f1-41a0-9000-95e6de9a5dc3',
              option_id: 'cdc6535e-2b1c-442f-938e-9edd9209e328',
            },
            title: 'enterprise',
            is_archived: false,
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/attributes/stage/statuses',
      method: 'GET',
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: '13ce9214-aad4-423e-a04c-205ddec3031a',
            },
            title: 'Lead',
            is_archived: false,
            celebration_enabled: false,
            target_time_in_status: null,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: '331248fb-4dd6-4e39-8b3e-0bcb90630ff7',
            },
            title: 'Product Qualified',
            is_archived: false,
            celebration_enabled: false,
            target_time_in_status: null,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: '7c5fa3b2-820f-4198-bd46-8f976847ffee',
            },
            title: 'Sales Qualified',
            is_archived: false,
            celebration_enabled: false,
            target_time_in_status: null,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: '01ab85a3-1f0d-4f50-9f3d-b934c04bac96',
            },
            title: 'In Progress',
            is_archived: false,
            celebration_enabled: false,
            target_time_in_status: null,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: '05adecfd-3ed8-4213-8403-cd5ba53cffee',
            },
            title: 'Won 🎉',
            is_archived: false,
            celebration_enabled: true,
            target_time_in_status: null,
          },
          {
            id: {
              workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
              object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
              status_id: 'ad85bb52-6b2f-40dd-83dc-963de2255a05',
            },
            title: 'Lost',
            is_archived: false,
            celebration_enabled: false,
            target_time_in_status: null,
          },
        ],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'ada@lovelace-analytics.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'lovelace-analytics.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['lovelace-analytics.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: '2a061558-1d09-4dc2-b458-18697af7dec3',
          },
          created_at: '2026-12-04T17:50:38.995000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/2a061558-1d09-4dc2-b458-18697af7dec3',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:38.995000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'lovelace-analytics.io',
                root_domain: 'lovelace-analytics.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:38.995000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:38.995000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:38.995000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['ada@lovelace-analytics.io'],
            name: [
              {
                first_name: 'Ada',
                last_name: 'Lovelace',
                full_name: 'Ada Lovelace',
              },
            ],
            plan_type: ['trial'],
            signup_date: ['2024-11-04'],
            signup_source: ['website'],
            company: [
              {
                target_object: 'companies',
                target_record_id: '2a061558-1d09-4dc2-b458-18697af7dec3',
              },
            ],
            profile_updated_at: ['2024-11-04T09:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: 'd46fa268-1683-4e44-bd1f-116e3ee68a24',
          },
          created_at: '2026-12-04T17:50:39.071000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/d46fa268-1683-4e44-bd1f-116e3ee68a24',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Ada',
                last_name: 'Lovelace',
                full_name: 'Ada Lovelace',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'ada@lovelace-analytics.io',
                email_address: 'ada@lovelace-analytics.io',
                email_domain: 'lovelace-analytics.io',
                email_root_domain: 'lovelace-analytics.io',
                email_local_specifier: 'ada',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '2a061558-1d09-4dc2-b458-18697af7dec3',
                attribute_type: 'record-reference',
              },
            ],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            signup_source: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'website',
                attribute_type: 'text',
              },
            ],
            plan_type: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                option: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                    attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
                    option_id: 'b7ab1617-5381-42c4-9f83-2ae45d33b386',
                  },
                  title: 'trial',
                  is_archived: false,
                },
                attribute_type: 'select',
              },
            ],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.071000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.071000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'grace@hopper-labs.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'hopper-labs.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['hopper-labs.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: '302b185e-1bbd-4846-9736-f29027daa20d',
          },
          created_at: '2026-12-04T17:50:39.255000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/302b185e-1bbd-4846-9736-f29027daa20d',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:39.255000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'hopper-labs.io',
                root_domain: 'hopper-labs.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.255000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.255000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.255000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['grace@hopper-labs.io'],
            name: [
              {
                first_name: 'Grace',
                last_name: 'Hopper',
                full_name: 'Grace Hopper',
              },
            ],
            job_title: ['Staff Engineer'],
            company: [
              {
                target_object: 'companies',
                target_record_id: '302b185e-1bbd-4846-9736-f29027daa20d',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-05'],
            profile_updated_at: ['2024-11-04T10:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
          },
          created_at: '2026-12-04T17:50:39.325000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Grace',
                last_name: 'Hopper',
                full_name: 'Grace Hopper',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'grace@hopper-labs.io',
                email_address: 'grace@hopper-labs.io',
                email_domain: 'hopper-labs.io',
                email_root_domain: 'hopper-labs.io',
                email_local_specifier: 'grace',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '302b185e-1bbd-4846-9736-f29027daa20d',
                attribute_type: 'record-reference',
              },
            ],
            job_title: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'Staff Engineer',
                attribute_type: 'text',
              },
            ],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-05',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T10:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.325000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.325000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: '3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: '3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          created_at: '2024-11-05T10:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: 'a2e8d10d-e7cd-4672-b8d9-e06b51b54624',
          },
          parent_object: 'people',
          parent_record_id: '3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          content_markdown:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:39.369000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'katherine@johnson-orbital.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'johnson-orbital.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['johnson-orbital.io'],
            name: ['Johnson Orbital'],
            account_updated_at: ['2024-11-06T09:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: '65eb7da1-ce47-453f-a27b-1e88d81c0aae',
          },
          created_at: '2026-12-04T17:50:39.522000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/65eb7da1-ce47-453f-a27b-1e88d81c0aae',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.522000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'Johnson Orbital',
                attribute_type: 'text',
              },
            ],
            domains: [
              {
                active_from: '2026-12-04T17:50:39.522000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'johnson-orbital.io',
                root_domain: 'johnson-orbital.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [
              {
                active_from: '2026-12-04T17:50:39.522000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-06T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.522000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.522000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.522000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['katherine@johnson-orbital.io'],
            name: [
              {
                first_name: 'Katherine',
                last_name: 'Johnson',
                full_name: 'Katherine Johnson',
              },
            ],
            company: [
              {
                target_object: 'companies',
                target_record_id: '65eb7da1-ce47-453f-a27b-1e88d81c0aae',
              },
            ],
            pql_score: [70],
            pql_tier: ['hot'],
            pql_explanation: [
              'Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100',
            ],
            pql_scored_at: ['2024-11-07T09:00:00.000Z'],
            last_activity_date: ['2024-11-07'],
            profile_updated_at: ['2024-11-06T09:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
          },
          created_at: '2026-12-04T17:50:39.595000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Katherine',
                last_name: 'Johnson',
                full_name: 'Katherine Johnson',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'katherine@johnson-orbital.io',
                email_address: 'katherine@johnson-orbital.io',
                email_domain: 'johnson-orbital.io',
                email_root_domain: 'johnson-orbital.io',
                email_local_specifier: 'katherine',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '65eb7da1-ce47-453f-a27b-1e88d81c0aae',
                attribute_type: 'record-reference',
              },
            ],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 70,
                attribute_type: 'number',
              },
            ],
            pql_tier: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                option: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                    attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
                    option_id: 'aad05fdf-06f8-4309-b2f2-a6b59f1cae03',
                  },
                  title: 'hot',
                  is_archived: false,
                },
                attribute_type: 'select',
              },
            ],
            pql_explanation: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value:
                  'Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100',
                attribute_type: 'text',
              },
            ],
            pql_scored_at: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-07T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-07',
                attribute_type: 'date',
              },
            ],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-06T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.595000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.595000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
          title: 'PQL Qualified',
          format: 'plaintext',
          content:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          created_at: '2024-11-07T09:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '907feb29-89c2-42a1-89ce-9800f0b4c537',
          },
          parent_object: 'people',
          parent_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
          title: 'PQL Qualified',
          meeting_id: null,
          content_plaintext:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          content_markdown:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:39.633000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records/query',
      method: 'POST',
      data: {
        filter: {
          plg_deal_key: 'pql:company:65eb7da1-ce47-453f-a27b-1e88d81c0aae',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records',
      method: 'POST',
      data: {
        data: {
          values: {
            name: ['PQL - Johnson Orbital'],
            stage: ['Product Qualified'],
            owner: [
              {
                workspace_member_email_address: 'alex.rivera@plg-demo.test',
              },
            ],
            associated_company: [
              {
                target_object: 'companies',
                target_record_id: '65eb7da1-ce47-453f-a27b-1e88d81c0aae',
              },
            ],
            associated_people: [
              {
                target_object: 'people',
                target_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
              },
            ],
            plg_deal_key: ['pql:company:65eb7da1-ce47-453f-a27b-1e88d81c0aae'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
            record_id: '17a6d655-4a63-44de-9baf-47997331ebb5',
          },
          created_at: '2026-12-04T17:50:39.826000000Z',
          web_url: 'https://app.attio.com/plg-demo/deals/17a6d655-4a63-44de-9baf-47997331ebb5',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'PQL - Johnson Orbital',
                attribute_type: 'text',
              },
            ],
            stage: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                status: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                    attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
                    status_id: '331248fb-4dd6-4e39-8b3e-0bcb90630ff7',
                  },
                  title: 'Product Qualified',
                  is_archived: false,
                  celebration_enabled: false,
                  target_time_in_status: null,
                },
                attribute_type: 'status',
              },
            ],
            owner: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'workspace-member',
                referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
                attribute_type: 'actor-reference',
              },
            ],
            value: [],
            associated_people: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'people',
                target_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
                attribute_type: 'record-reference',
              },
            ],
            associated_company: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '65eb7da1-ce47-453f-a27b-1e88d81c0aae',
                attribute_type: 'record-reference',
              },
            ],
            plg_deal_key: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'pql:company:65eb7da1-ce47-453f-a27b-1e88d81c0aae',
                attribute_type: 'text',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.826000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.826000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'GET',
      params: {
        linked_object: 'deals',
        linked_record_id: '17a6d655-4a63-44de-9baf-47997331ebb5',
        limit: '500',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'POST',
      data: {
        data: {
          content:
            'PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]',
          format: 'plaintext',
          deadline_at: '2024-11-08T09:00:00.000Z',
          is_completed: false,
          linked_records: [
            {
              target_object: 'deals',
              target_record_id: '17a6d655-4a63-44de-9baf-47997331ebb5',
            },
            {
              target_object: 'people',
              target_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
            },
          ],
          assignees: [
            {
              workspace_member_email_address: 'alex.rivera@plg-demo.test',
            },
          ],
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            task_id: '111e8cff-ad76-46d9-96c0-d7ea22fc3923',
          },
          content_plaintext:
            'PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]',
          deadline_at: '2024-11-08T09:00:00.000000000Z',
          is_completed: false,
          linked_records: [
            {
              target_object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              target_record_id: '17a6d655-4a63-44de-9baf-47997331ebb5',
            },
            {
              target_object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              target_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
            },
          ],
          assignees: [
            {
              referenced_actor_type: 'workspace-member',
              referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
            },
          ],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:39.871000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'margaret@hamilton-systems.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['margaret@hamilton-systems.io'],
            name: [
              {
                first_name: 'Margaret',
                last_name: 'Hamilton',
                full_name: 'Margaret Hamilton',
              },
            ],
            profile_updated_at: ['2024-11-08T15:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: 'b7c6f179-a924-4027-a690-7e62524a9867',
          },
          created_at: '2026-12-04T17:50:39.949000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/b7c6f179-a924-4027-a690-7e62524a9867',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:39.949000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Margaret',
                last_name: 'Hamilton',
                full_name: 'Margaret Hamilton',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:39.949000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'margaret@hamilton-systems.io',
                email_address: 'margaret@hamilton-systems.io',
                email_domain: 'hamilton-systems.io',
                email_root_domain: 'hamilton-systems.io',
                email_local_specifier: 'margaret',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:39.949000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-08T15:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:39.949000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:39.949000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:39.949000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'hamilton-systems.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['hamilton-systems.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: '7618723c-2af0-408e-8679-3ab41351f92a',
          },
          created_at: '2026-12-04T17:50:40.002000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/7618723c-2af0-408e-8679-3ab41351f92a',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:40.002000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'hamilton-systems.io',
                root_domain: 'hamilton-systems.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.002000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.002000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.002000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records/query',
      method: 'POST',
      data: {
        filter: {
          plg_deal_key: 'enterprise-upgrade:company:7618723c-2af0-408e-8679-3ab41351f92a',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records',
      method: 'POST',
      data: {
        data: {
          values: {
            name: ['Enterprise Upgrade - hamilton-systems.io'],
            stage: ['Sales Qualified'],
            owner: [
              {
                workspace_member_email_address: 'alex.rivera@plg-demo.test',
              },
            ],
            value: [24000],
            associated_company: [
              {
                target_object: 'companies',
                target_record_id: '7618723c-2af0-408e-8679-3ab41351f92a',
              },
            ],
            associated_people: [
              {
                target_object: 'people',
                target_record_id: 'b7c6f179-a924-4027-a690-7e62524a9867',
              },
            ],
            plg_deal_key: ['enterprise-upgrade:company:7618723c-2af0-408e-8679-3ab41351f92a'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
            record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
          },
          created_at: '2026-12-04T17:50:40.036000000Z',
          web_url: 'https://app.attio.com/plg-demo/deals/9cf7c54d-d2ea-430a-892a-105f17acbf7d',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'Enterprise Upgrade - hamilton-systems.io',
                attribute_type: 'text',
              },
            ],
            stage: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                status: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                    attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
                    status_id: '7c5fa3b2-820f-4198-bd46-8f976847ffee',
                  },
                  title: 'Sales Qualified',
                  is_archived: false,
                  celebration_enabled: false,
                  target_time_in_status: null,
                },
                attribute_type: 'status',
              },
            ],
            owner: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'workspace-member',
                referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
                attribute_type: 'actor-reference',
              },
            ],
            value: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                currency_value: 24000,
                currency_code: 'USD',
                attribute_type: 'currency',
              },
            ],
            associated_people: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'people',
                target_record_id: 'b7c6f179-a924-4027-a690-7e62524a9867',
                attribute_type: 'record-reference',
              },
            ],
            associated_company: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '7618723c-2af0-408e-8679-3ab41351f92a',
                attribute_type: 'record-reference',
              },
            ],
            plg_deal_key: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'enterprise-upgrade:company:7618723c-2af0-408e-8679-3ab41351f92a',
                attribute_type: 'text',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.036000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.036000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'GET',
      params: {
        linked_object: 'deals',
        linked_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
        limit: '500',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'POST',
      data: {
        data: {
          content:
            'PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]',
          format: 'plaintext',
          deadline_at: '2024-11-09T15:00:00.000Z',
          is_completed: false,
          linked_records: [
            {
              target_object: 'deals',
              target_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
            },
            {
              target_object: 'people',
              target_record_id: 'b7c6f179-a924-4027-a690-7e62524a9867',
            },
          ],
          assignees: [
            {
              workspace_member_email_address: 'alex.rivera@plg-demo.test',
            },
          ],
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            task_id: '0966b481-2d7f-42ef-a60b-48b119bbaa9e',
          },
          content_plaintext:
            'PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]',
          deadline_at: '2024-11-09T15:00:00.000000000Z',
          is_completed: false,
          linked_records: [
            {
              target_object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              target_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
            },
            {
              target_object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              target_record_id: 'b7c6f179-a924-4027-a690-7e62524a9867',
            },
          ],
          assignees: [
            {
              referenced_actor_type: 'workspace-member',
              referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
            },
          ],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.073000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          company: {
            target_object: 'companies',
            target_record_id: '7618723c-2af0-408e-8679-3ab41351f92a',
          },
        },
        limit: 500,
        offset: 0,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'deals',
        parent_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'deals',
          parent_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
          title: 'PLG Handoff Context',
          format: 'plaintext',
          content:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          created_at: '2024-11-08T15:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '18f06c1d-706f-402e-9316-29f47984c6bc',
          },
          parent_object: 'deals',
          parent_record_id: '9cf7c54d-d2ea-430a-892a-105f17acbf7d',
          title: 'PLG Handoff Context',
          meeting_id: null,
          content_plaintext:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          content_markdown:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.156000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'alan@turing-compute.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 429,
      data: {
        status_code: 429,
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        message: 'Rate limit exceeded, please try again later',
      },
      headers: {
        'retry-after': '0',
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['alan@turing-compute.io'],
            name: [
              {
                first_name: 'Alan',
                last_name: 'Turing',
                full_name: 'Alan Turing',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-04'],
            profile_updated_at: ['2024-11-04T11:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: 'b79b5ba1-2575-4238-8445-677fb4f608bf',
          },
          created_at: '2026-12-04T17:50:40.227000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/b79b5ba1-2575-4238-8445-677fb4f608bf',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Alan',
                last_name: 'Turing',
                full_name: 'Alan Turing',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'alan@turing-compute.io',
                email_address: 'alan@turing-compute.io',
                email_domain: 'turing-compute.io',
                email_root_domain: 'turing-compute.io',
                email_local_specifier: 'alan',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T11:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.227000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.227000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: 'b79b5ba1-2575-4238-8445-677fb4f608bf',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: 'b79b5ba1-2575-4238-8445-677fb4f608bf',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          created_at: '2024-11-04T11:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: 'a913d6fb-291a-42e1-a03d-55672e7c7795',
          },
          parent_object: 'people',
          parent_record_id: 'b79b5ba1-2575-4238-8445-677fb4f608bf',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          content_markdown:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.252000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'barbara@liskov-data.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 503,
      data: {
        status_code: 503,
        type: 'api_error',
        code: 'service_unavailable',
        message: 'Service temporarily unavailable',
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['barbara@liskov-data.io'],
            name: [
              {
                first_name: 'Barbara',
                last_name: 'Liskov',
                full_name: 'Barbara Liskov',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-04'],
            profile_updated_at: ['2024-11-04T12:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '75651046-8e93-4351-88fe-fc705fb8dd84',
          },
          created_at: '2026-12-04T17:50:40.356000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/75651046-8e93-4351-88fe-fc705fb8dd84',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Barbara',
                last_name: 'Liskov',
                full_name: 'Barbara Liskov',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'barbara@liskov-data.io',
                email_address: 'barbara@liskov-data.io',
                email_domain: 'liskov-data.io',
                email_root_domain: 'liskov-data.io',
                email_local_specifier: 'barbara',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T12:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.356000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.356000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: '75651046-8e93-4351-88fe-fc705fb8dd84',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: '75651046-8e93-4351-88fe-fc705fb8dd84',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          created_at: '2024-11-04T12:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: 'b02a56f0-3aa2-48c0-b342-ad980da8ebb5',
          },
          parent_object: 'people',
          parent_record_id: '75651046-8e93-4351-88fe-fc705fb8dd84',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          content_markdown:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.411000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'ada@p-lovelace-analytics.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'p-lovelace-analytics.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['p-lovelace-analytics.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: '035e53ad-f018-4352-8f1d-f7363757b05e',
          },
          created_at: '2026-12-04T17:50:40.485000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/035e53ad-f018-4352-8f1d-f7363757b05e',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:40.485000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'p-lovelace-analytics.io',
                root_domain: 'p-lovelace-analytics.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.485000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.485000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.485000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['ada@p-lovelace-analytics.io'],
            name: [
              {
                first_name: 'Ada',
                last_name: 'Lovelace',
                full_name: 'Ada Lovelace',
              },
            ],
            plan_type: ['trial'],
            signup_date: ['2024-11-04'],
            signup_source: ['website'],
            company: [
              {
                target_object: 'companies',
                target_record_id: '035e53ad-f018-4352-8f1d-f7363757b05e',
              },
            ],
            profile_updated_at: ['2024-11-04T09:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '1187a03f-9dc8-4da3-b5c1-498d7436609b',
          },
          created_at: '2026-12-04T17:50:40.535000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/1187a03f-9dc8-4da3-b5c1-498d7436609b',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Ada',
                last_name: 'Lovelace',
                full_name: 'Ada Lovelace',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'ada@p-lovelace-analytics.io',
                email_address: 'ada@p-lovelace-analytics.io',
                email_domain: 'p-lovelace-analytics.io',
                email_root_domain: 'p-lovelace-analytics.io',
                email_local_specifier: 'ada',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: '035e53ad-f018-4352-8f1d-f7363757b05e',
                attribute_type: 'record-reference',
              },
            ],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            signup_source: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'website',
                attribute_type: 'text',
              },
            ],
            plan_type: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                option: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                    attribute_id: '808f489d-c1f2-465a-92e2-a7e65830c55b',
                    option_id: 'b7ab1617-5381-42c4-9f83-2ae45d33b386',
                  },
                  title: 'trial',
                  is_archived: false,
                },
                attribute_type: 'select',
              },
            ],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.535000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.535000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'grace@p-hopper-labs.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['grace@p-hopper-labs.io'],
            name: [
              {
                first_name: 'Grace',
                last_name: 'Hopper',
                full_name: 'Grace Hopper',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-05'],
            profile_updated_at: ['2024-11-05T10:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '7cc213d8-81df-4918-bb4c-78ea255aa642',
          },
          created_at: '2026-12-04T17:50:40.654000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/7cc213d8-81df-4918-bb4c-78ea255aa642',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Grace',
                last_name: 'Hopper',
                full_name: 'Grace Hopper',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'grace@p-hopper-labs.io',
                email_address: 'grace@p-hopper-labs.io',
                email_domain: 'p-hopper-labs.io',
                email_root_domain: 'p-hopper-labs.io',
                email_local_specifier: 'grace',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-05',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-05T10:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.654000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.654000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: '7cc213d8-81df-4918-bb4c-78ea255aa642',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: '7cc213d8-81df-4918-bb4c-78ea255aa642',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          created_at: '2024-11-05T10:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '1da05c2b-6982-4ca4-8b65-caad5f635c11',
          },
          parent_object: 'people',
          parent_record_id: '7cc213d8-81df-4918-bb4c-78ea255aa642',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          content_markdown:
            'Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.673000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'katherine@p-johnson-orbital.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['katherine@p-johnson-orbital.io'],
            name: [
              {
                first_name: 'Katherine',
                last_name: 'Johnson',
                full_name: 'Katherine Johnson',
              },
            ],
            pql_score: [70],
            pql_tier: ['hot'],
            pql_explanation: [
              'Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100',
            ],
            pql_scored_at: ['2024-11-07T09:00:00.000Z'],
            last_activity_date: ['2024-11-07'],
            profile_updated_at: ['2024-11-07T09:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '5c72de05-734a-4448-ad27-06832bb21272',
          },
          created_at: '2026-12-04T17:50:40.727000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/5c72de05-734a-4448-ad27-06832bb21272',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Katherine',
                last_name: 'Johnson',
                full_name: 'Katherine Johnson',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'katherine@p-johnson-orbital.io',
                email_address: 'katherine@p-johnson-orbital.io',
                email_domain: 'p-johnson-orbital.io',
                email_root_domain: 'p-johnson-orbital.io',
                email_local_specifier: 'katherine',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 70,
                attribute_type: 'number',
              },
            ],
            pql_tier: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                option: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
                    attribute_id: '24dd72d3-83a8-4b90-99c7-e527a831a7e9',
                    option_id: 'aad05fdf-06f8-4309-b2f2-a6b59f1cae03',
                  },
                  title: 'hot',
                  is_archived: false,
                },
                attribute_type: 'select',
              },
            ],
            pql_explanation: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value:
                  'Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100',
                attribute_type: 'text',
              },
            ],
            pql_scored_at: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-07T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-07',
                attribute_type: 'date',
              },
            ],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-07T09:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.727000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.727000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
          title: 'PQL Qualified',
          format: 'plaintext',
          content:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          created_at: '2024-11-07T09:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '08dd33c6-0d0f-4c33-b71d-3579ec84d45f',
          },
          parent_object: 'people',
          parent_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
          title: 'PQL Qualified',
          meeting_id: null,
          content_plaintext:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          content_markdown:
            'PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.757000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'p-johnson-orbital.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['p-johnson-orbital.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: 'c2d63021-db8f-4580-a5bf-08ae8bd620b9',
          },
          created_at: '2026-12-04T17:50:40.832000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/c2d63021-db8f-4580-a5bf-08ae8bd620b9',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:40.832000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'p-johnson-orbital.io',
                root_domain: 'p-johnson-orbital.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.832000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.832000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.832000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records/query',
      method: 'POST',
      data: {
        filter: {
          plg_deal_key: 'pql:company:c2d63021-db8f-4580-a5bf-08ae8bd620b9',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records',
      method: 'POST',
      data: {
        data: {
          values: {
            name: ['PQL - p-johnson-orbital.io'],
            stage: ['Product Qualified'],
            owner: [
              {
                workspace_member_email_address: 'alex.rivera@plg-demo.test',
              },
            ],
            associated_company: [
              {
                target_object: 'companies',
                target_record_id: 'c2d63021-db8f-4580-a5bf-08ae8bd620b9',
              },
            ],
            associated_people: [
              {
                target_object: 'people',
                target_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
              },
            ],
            plg_deal_key: ['pql:company:c2d63021-db8f-4580-a5bf-08ae8bd620b9'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
            record_id: 'f0f5cf9c-3538-4c9d-926f-d0f888bc90c5',
          },
          created_at: '2026-12-04T17:50:40.914000000Z',
          web_url: 'https://app.attio.com/plg-demo/deals/f0f5cf9c-3538-4c9d-926f-d0f888bc90c5',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'PQL - p-johnson-orbital.io',
                attribute_type: 'text',
              },
            ],
            stage: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                status: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                    attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
                    status_id: '331248fb-4dd6-4e39-8b3e-0bcb90630ff7',
                  },
                  title: 'Product Qualified',
                  is_archived: false,
                  celebration_enabled: false,
                  target_time_in_status: null,
                },
                attribute_type: 'status',
              },
            ],
            owner: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'workspace-member',
                referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
                attribute_type: 'actor-reference',
              },
            ],
            value: [],
            associated_people: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'people',
                target_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
                attribute_type: 'record-reference',
              },
            ],
            associated_company: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: 'c2d63021-db8f-4580-a5bf-08ae8bd620b9',
                attribute_type: 'record-reference',
              },
            ],
            plg_deal_key: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'pql:company:c2d63021-db8f-4580-a5bf-08ae8bd620b9',
                attribute_type: 'text',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:40.914000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:40.914000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'GET',
      params: {
        linked_object: 'deals',
        linked_record_id: 'f0f5cf9c-3538-4c9d-926f-d0f888bc90c5',
        limit: '500',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'POST',
      data: {
        data: {
          content:
            'PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]',
          format: 'plaintext',
          deadline_at: '2024-11-08T09:00:00.000Z',
          is_completed: false,
          linked_records: [
            {
              target_object: 'deals',
              target_record_id: 'f0f5cf9c-3538-4c9d-926f-d0f888bc90c5',
            },
            {
              target_object: 'people',
              target_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
            },
          ],
          assignees: [
            {
              workspace_member_email_address: 'alex.rivera@plg-demo.test',
            },
          ],
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            task_id: 'bb7b00c5-7f2e-4b50-bf36-40268a7d9c56',
          },
          content_plaintext:
            'PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]',
          deadline_at: '2024-11-08T09:00:00.000000000Z',
          is_completed: false,
          linked_records: [
            {
              target_object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              target_record_id: 'f0f5cf9c-3538-4c9d-926f-d0f888bc90c5',
            },
            {
              target_object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              target_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
            },
          ],
          assignees: [
            {
              referenced_actor_type: 'workspace-member',
              referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
            },
          ],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:40.960000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'margaret@p-hamilton-systems.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['margaret@p-hamilton-systems.io'],
            name: [
              {
                first_name: 'Margaret',
                last_name: 'Hamilton',
                full_name: 'Margaret Hamilton',
              },
            ],
            profile_updated_at: ['2024-11-08T15:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '86f066a8-1db8-4080-be6c-6f8edbfb653a',
          },
          created_at: '2026-12-04T17:50:41.028000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/86f066a8-1db8-4080-be6c-6f8edbfb653a',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:41.028000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Margaret',
                last_name: 'Hamilton',
                full_name: 'Margaret Hamilton',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:41.028000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'margaret@p-hamilton-systems.io',
                email_address: 'margaret@p-hamilton-systems.io',
                email_domain: 'p-hamilton-systems.io',
                email_root_domain: 'p-hamilton-systems.io',
                email_local_specifier: 'margaret',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [],
            activation_score: [],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:41.028000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-08T15:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:41.028000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:41.028000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:41.028000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records/query',
      method: 'POST',
      data: {
        filter: {
          domains: 'p-hamilton-systems.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/companies/records',
      method: 'PUT',
      params: {
        matching_attribute: 'domains',
      },
      data: {
        data: {
          values: {
            domains: ['p-hamilton-systems.io'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: 'b48e661a-7656-483f-b41c-59039272fa98',
            record_id: 'b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
          },
          created_at: '2026-12-04T17:50:41.129000000Z',
          web_url: 'https://app.attio.com/plg-demo/companies/b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
          values: {
            name: [],
            domains: [
              {
                active_from: '2026-12-04T17:50:41.129000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                domain: 'p-hamilton-systems.io',
                root_domain: 'p-hamilton-systems.io',
                attribute_type: 'domain',
              },
            ],
            description: [],
            team: [],
            associated_deals: [],
            associated_workspaces: [],
            pql_score: [],
            plan_type: [],
            account_updated_at: [],
            created_at: [
              {
                active_from: '2026-12-04T17:50:41.129000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:41.129000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:41.129000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records/query',
      method: 'POST',
      data: {
        filter: {
          plg_deal_key: 'enterprise-upgrade:company:b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/deals/records',
      method: 'POST',
      data: {
        data: {
          values: {
            name: ['Enterprise Upgrade - p-hamilton-systems.io'],
            stage: ['Sales Qualified'],
            owner: [
              {
                workspace_member_email_address: 'alex.rivera@plg-demo.test',
              },
            ],
            value: [24000],
            associated_company: [
              {
                target_object: 'companies',
                target_record_id: 'b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
              },
            ],
            associated_people: [
              {
                target_object: 'people',
                target_record_id: '86f066a8-1db8-4080-be6c-6f8edbfb653a',
              },
            ],
            plg_deal_key: ['enterprise-upgrade:company:b1de0cb6-5b4c-402f-bc56-b6737f047eb3'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
            record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
          },
          created_at: '2026-12-04T17:50:41.191000000Z',
          web_url: 'https://app.attio.com/plg-demo/deals/c281de54-14ff-4137-88ac-8d237b73079c',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'Enterprise Upgrade - p-hamilton-systems.io',
                attribute_type: 'text',
              },
            ],
            stage: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                status: {
                  id: {
                    workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
                    object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
                    attribute_id: 'd2e52445-95a2-408d-8d7c-c6e7dc4eb813',
                    status_id: '7c5fa3b2-820f-4198-bd46-8f976847ffee',
                  },
                  title: 'Sales Qualified',
                  is_archived: false,
                  celebration_enabled: false,
                  target_time_in_status: null,
                },
                attribute_type: 'status',
              },
            ],
            owner: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'workspace-member',
                referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
                attribute_type: 'actor-reference',
              },
            ],
            value: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                currency_value: 24000,
                currency_code: 'USD',
                attribute_type: 'currency',
              },
            ],
            associated_people: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'people',
                target_record_id: '86f066a8-1db8-4080-be6c-6f8edbfb653a',
                attribute_type: 'record-reference',
              },
            ],
            associated_company: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                target_object: 'companies',
                target_record_id: 'b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
                attribute_type: 'record-reference',
              },
            ],
            plg_deal_key: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 'enterprise-upgrade:company:b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
                attribute_type: 'text',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:41.191000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:41.191000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'GET',
      params: {
        linked_object: 'deals',
        linked_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
        limit: '500',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/tasks',
      method: 'POST',
      data: {
        data: {
          content:
            'PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]',
          format: 'plaintext',
          deadline_at: '2024-11-09T15:00:00.000Z',
          is_completed: false,
          linked_records: [
            {
              target_object: 'deals',
              target_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
            },
            {
              target_object: 'people',
              target_record_id: '86f066a8-1db8-4080-be6c-6f8edbfb653a',
            },
          ],
          assignees: [
            {
              workspace_member_email_address: 'alex.rivera@plg-demo.test',
            },
          ],
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            task_id: 'a3474742-70e6-4922-9ef1-5866778f270d',
          },
          content_plaintext:
            'PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]',
          deadline_at: '2024-11-09T15:00:00.000000000Z',
          is_completed: false,
          linked_records: [
            {
              target_object_id: '8e7fa308-8012-43fc-b7bf-5dfc7b5398b5',
              target_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
            },
            {
              target_object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
              target_record_id: '86f066a8-1db8-4080-be6c-6f8edbfb653a',
            },
          ],
          assignees: [
            {
              referenced_actor_type: 'workspace-member',
              referenced_actor_id: '4bb908df-0ef2-47ac-8858-3699e5a36333',
            },
          ],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:41.363000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          company: {
            target_object: 'companies',
            target_record_id: 'b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
          },
        },
        limit: 500,
        offset: 0,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'deals',
        parent_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'deals',
          parent_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
          title: 'PLG Handoff Context',
          format: 'plaintext',
          content:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          created_at: '2024-11-08T15:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '8a44adac-5e99-4e12-918d-bfd0fefeb89c',
          },
          parent_object: 'deals',
          parent_record_id: 'c281de54-14ff-4137-88ac-8d237b73079c',
          title: 'PLG Handoff Context',
          meeting_id: null,
          content_plaintext:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          content_markdown:
            'Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:41.444000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'alan@p-turing-compute.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 429,
      data: {
        status_code: 429,
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        message: 'Rate limit exceeded, please try again later',
      },
      headers: {
        'retry-after': '0',
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['alan@p-turing-compute.io'],
            name: [
              {
                first_name: 'Alan',
                last_name: 'Turing',
                full_name: 'Alan Turing',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-04'],
            profile_updated_at: ['2024-11-04T11:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: '4c5d2b41-db19-443c-b549-162da2a4e717',
          },
          created_at: '2026-12-04T17:50:41.538000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/4c5d2b41-db19-443c-b549-162da2a4e717',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Alan',
                last_name: 'Turing',
                full_name: 'Alan Turing',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'alan@p-turing-compute.io',
                email_address: 'alan@p-turing-compute.io',
                email_domain: 'p-turing-compute.io',
                email_root_domain: 'p-turing-compute.io',
                email_local_specifier: 'alan',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T11:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:41.538000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:41.538000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: '4c5d2b41-db19-443c-b549-162da2a4e717',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: '4c5d2b41-db19-443c-b549-162da2a4e717',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          created_at: '2024-11-04T11:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: 'ca4f453e-3d6a-4852-879e-c9ba3c7acc87',
          },
          parent_object: 'people',
          parent_record_id: '4c5d2b41-db19-443c-b549-162da2a4e717',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          content_markdown:
            'Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:41.605000000Z',
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records/query',
      method: 'POST',
      data: {
        filter: {
          email_addresses: 'barbara@p-liskov-data.io',
        },
        limit: 1,
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 503,
      data: {
        status_code: 503,
        type: 'api_error',
        code: 'service_unavailable',
        message: 'Service temporarily unavailable',
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/objects/people/records',
      method: 'PUT',
      params: {
        matching_attribute: 'email_addresses',
      },
      data: {
        data: {
          values: {
            email_addresses: ['barbara@p-liskov-data.io'],
            name: [
              {
                first_name: 'Barbara',
                last_name: 'Liskov',
                full_name: 'Barbara Liskov',
              },
            ],
            activation_score: [0.2],
            last_activity_date: ['2024-11-04'],
            profile_updated_at: ['2024-11-04T12:00:00.000Z'],
          },
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            object_id: '846a3af7-c66c-4c3f-b0a8-142fa7e1eba0',
            record_id: 'dc31965f-cfdb-4ab9-ab3c-d5d3e2a26c25',
          },
          created_at: '2026-12-04T17:50:41.681000000Z',
          web_url: 'https://app.attio.com/plg-demo/people/dc31965f-cfdb-4ab9-ab3c-d5d3e2a26c25',
          values: {
            name: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                first_name: 'Barbara',
                last_name: 'Liskov',
                full_name: 'Barbara Liskov',
                attribute_type: 'personal-name',
              },
            ],
            email_addresses: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                original_email_address: 'barbara@p-liskov-data.io',
                email_address: 'barbara@p-liskov-data.io',
                email_domain: 'p-liskov-data.io',
                email_root_domain: 'p-liskov-data.io',
                email_local_specifier: 'barbara',
                attribute_type: 'email-address',
              },
            ],
            description: [],
            company: [],
            job_title: [],
            linkedin: [],
            associated_deals: [],
            associated_users: [],
            signup_date: [],
            signup_source: [],
            plan_type: [],
            pql_score: [],
            pql_tier: [],
            pql_explanation: [],
            pql_scored_at: [],
            pql_qualified_at: [],
            last_activity_date: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04',
                attribute_type: 'date',
              },
            ],
            activation_score: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: 0.2,
                attribute_type: 'number',
              },
            ],
            milestones_completed: [],
            profile_updated_at: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2024-11-04T12:00:00.000000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_at: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                value: '2026-12-04T17:50:41.681000000Z',
                attribute_type: 'timestamp',
              },
            ],
            created_by: [
              {
                active_from: '2026-12-04T17:50:41.681000000Z',
                active_until: null,
                created_by_actor: {
                  type: 'api-token',
                  id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                },
                referenced_actor_type: 'api-token',
                referenced_actor_id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
                attribute_type: 'actor-reference',
              },
            ],
          },
        },
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'GET',
      params: {
        parent_object: 'people',
        parent_record_id: 'dc31965f-cfdb-4ab9-ab3c-d5d3e2a26c25',
        limit: '50',
        offset: '0',
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: [],
      },
    },
  },
  {
    httpReq: {
      url: 'https://api.attio.com/v2/notes',
      method: 'POST',
      data: {
        data: {
          parent_object: 'people',
          parent_record_id: 'dc31965f-cfdb-4ab9-ab3c-d5d3e2a26c25',
          title: 'Activation Milestone',
          format: 'plaintext',
          content:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          created_at: '2024-11-04T12:00:00.000Z',
        },
      },
      headers: {
        Authorization: authHeader1,
      },
    },
    httpRes: {
      status: 200,
      data: {
        data: {
          id: {
            workspace_id: '666967eb-bebc-4eeb-936b-e54470d8b3a4',
            note_id: '303105c4-8cbc-4a38-bfbd-eb43b9337586',
          },
          parent_object: 'people',
          parent_record_id: 'dc31965f-cfdb-4ab9-ab3c-d5d3e2a26c25',
          title: 'Activation Milestone',
          meeting_id: null,
          content_plaintext:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          content_markdown:
            'Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported',
          tags: [],
          created_by_actor: {
            type: 'api-token',
            id: '97d51020-6d41-49bd-9aa5-9161d3f0443e',
          },
          created_at: '2026-12-04T17:50:41.740000000Z',
        },
      },
    },
  },
];

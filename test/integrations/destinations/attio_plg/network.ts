/** Attio calls of the attio_plg cases, recorded from the emulator by test/integrations/support/record.ts. */
export const networkCallsData = [
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/self",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "active": true,
        "scope": "record_permission:read-write object_configuration:read list_entry:read-write list_configuration:read note:read-write task:read-write user_management:read",
        "client_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
        "token_type": "Bearer",
        "exp": null,
        "iat": 1796124072,
        "sub": "def56397-7e9e-4bb9-8b72-94ca9d631678",
        "aud": "def56397-7e9e-4bb9-8b72-94ca9d631678",
        "iss": "attio.com",
        "authorized_by_workspace_member_id": "b6f052ad-0668-487c-ac48-d4fda6e1f0d6",
        "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
        "workspace_name": "PLG Demo",
        "workspace_slug": "plg-demo",
        "workspace_logo_url": null
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d"
            },
            "api_slug": "people",
            "singular_noun": "Person",
            "plural_noun": "People",
            "created_at": "2026-12-01T11:21:12.081Z"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa"
            },
            "api_slug": "companies",
            "singular_noun": "Company",
            "plural_noun": "Companies",
            "created_at": "2026-12-01T11:21:12.081Z"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6"
            },
            "api_slug": "deals",
            "singular_noun": "Deal",
            "plural_noun": "Deals",
            "created_at": "2026-12-01T11:21:12.081Z"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "941955f7-e34b-4610-9ea4-2b6ed6ad5c3e"
            },
            "api_slug": "users",
            "singular_noun": "User",
            "plural_noun": "Users",
            "created_at": "2026-12-01T11:21:12.081Z"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "546e4f53-b1b8-45b8-8e84-b14e49a9076e"
            },
            "api_slug": "workspaces",
            "singular_noun": "Workspace",
            "plural_noun": "Workspaces",
            "created_at": "2026-12-01T11:21:12.081Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/lists",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "list_id": "fa2a0fa3-a5fd-485a-a71f-3a1ff9ce8a58"
            },
            "api_slug": "active_trials",
            "name": "Active Trials",
            "parent_object": [
              "people"
            ],
            "workspace_access": "full-access",
            "workspace_member_access": [],
            "created_by_actor": {
              "type": "workspace-member",
              "id": "b6f052ad-0668-487c-ac48-d4fda6e1f0d6"
            },
            "created_at": "2026-12-01T11:21:12.081Z"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "list_id": "ed92e886-4694-4f1f-8d8e-0a4c90e26da6"
            },
            "api_slug": "pql_queue",
            "name": "PQL Queue",
            "parent_object": [
              "people"
            ],
            "workspace_access": "full-access",
            "workspace_member_access": [],
            "created_by_actor": {
              "type": "workspace-member",
              "id": "b6f052ad-0668-487c-ac48-d4fda6e1f0d6"
            },
            "created_at": "2026-12-01T11:21:12.081Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/workspace_members",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "workspace_member_id": "b6f052ad-0668-487c-ac48-d4fda6e1f0d6"
            },
            "first_name": "Avery",
            "last_name": "Admin",
            "avatar_url": null,
            "email_address": "admin@plg-demo.test",
            "created_at": "2026-12-01T11:21:12.081Z",
            "access_level": "admin"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "workspace_member_id": "5814396e-5e72-431e-acc7-796ee368669c"
            },
            "first_name": "Alex",
            "last_name": "Rivera",
            "avatar_url": null,
            "email_address": "alex.rivera@plg-demo.test",
            "created_at": "2026-12-01T11:21:12.081Z",
            "access_level": "member"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "workspace_member_id": "2dc353ae-fa1c-4ee4-9b3e-51150bf71cb6"
            },
            "first_name": "Sam",
            "last_name": "Chen",
            "avatar_url": null,
            "email_address": "sam.chen@plg-demo.test",
            "created_at": "2026-12-01T11:21:12.081Z",
            "access_level": "member"
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "workspace_member_id": "fb981277-8d53-4f8e-8232-7867b86e16c4"
            },
            "first_name": "Jordan",
            "last_name": "Patel",
            "avatar_url": null,
            "email_address": "jordan.patel@plg-demo.test",
            "created_at": "2026-12-01T11:21:12.081Z",
            "access_level": "member"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/attributes",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "5f909d9c-dce9-4c54-8906-05edb119c568"
            },
            "title": "Name",
            "description": null,
            "api_slug": "name",
            "type": "personal-name",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "d0add1bf-0e0b-487c-b5a2-7c98dff43c7d"
            },
            "title": "Email addresses",
            "description": null,
            "api_slug": "email_addresses",
            "type": "email-address",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": true,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "fa4a6750-d6bf-4e03-ae5c-1c42ec581244"
            },
            "title": "Description",
            "description": null,
            "api_slug": "description",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "eb825007-12e1-4073-a361-352a10726411"
            },
            "title": "Company",
            "description": null,
            "api_slug": "company",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
                "attribute_id": "52596786-e746-4cd8-8468-45e96cd98a01"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "37fa0070-1833-41b4-923e-09fe0e0111aa"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "d765ab24-a0a6-42da-a6a6-0594a1153a10"
            },
            "title": "Job title",
            "description": null,
            "api_slug": "job_title",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "f5de7f6e-d9d7-42e0-aa95-d9f4e7e3564b"
            },
            "title": "Linkedin",
            "description": null,
            "api_slug": "linkedin",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "d62b2835-016f-454a-af58-ab4105126636"
            },
            "title": "Associated deals",
            "description": null,
            "api_slug": "associated_deals",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "attribute_id": "8cf75b23-864f-47c8-b5f3-e0e9c91ba159"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "7a39f3be-c87d-4995-a385-b47c36143ca6"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "47583218-8813-4bb0-bed0-546894bb00c8"
            },
            "title": "Associated users",
            "description": null,
            "api_slug": "associated_users",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "941955f7-e34b-4610-9ea4-2b6ed6ad5c3e",
                "attribute_id": "28ddb808-ffbb-455a-ab2b-265e3862e286"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "941955f7-e34b-4610-9ea4-2b6ed6ad5c3e"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "51f0e74b-f8a4-4443-b784-b9b9a6c65fca"
            },
            "title": "Signup date",
            "description": null,
            "api_slug": "signup_date",
            "type": "date",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "888f064b-6d10-4240-82d7-65cd7947b488"
            },
            "title": "Signup source",
            "description": null,
            "api_slug": "signup_source",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8"
            },
            "title": "Plan type",
            "description": null,
            "api_slug": "plan_type",
            "type": "select",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "9bf0c8be-97fb-42b5-9a13-e373748fa062"
            },
            "title": "PQL score",
            "description": null,
            "api_slug": "pql_score",
            "type": "number",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e"
            },
            "title": "PQL tier",
            "description": null,
            "api_slug": "pql_tier",
            "type": "select",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "c49d6c39-f590-4d6e-ac11-29c31de696e9"
            },
            "title": "PQL explanation",
            "description": null,
            "api_slug": "pql_explanation",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07ae9c13-c7bd-4297-8bf9-203ea735ee6c"
            },
            "title": "PQL scored at",
            "description": null,
            "api_slug": "pql_scored_at",
            "type": "timestamp",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "14afbf74-df94-40e8-9e9e-396234f5d65c"
            },
            "title": "PQL qualified at",
            "description": null,
            "api_slug": "pql_qualified_at",
            "type": "timestamp",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "c53ad6e0-02cb-47f9-98d1-97ec0e537740"
            },
            "title": "Last activity date",
            "description": null,
            "api_slug": "last_activity_date",
            "type": "date",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "ae16f7b7-41c0-41d5-bb91-359743f5c15a"
            },
            "title": "Activation score",
            "description": null,
            "api_slug": "activation_score",
            "type": "number",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6"
            },
            "title": "Milestones completed",
            "description": null,
            "api_slug": "milestones_completed",
            "type": "select",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "7e731405-ac47-4f28-9c2e-a29173c686d5"
            },
            "title": "Profile updated at",
            "description": null,
            "api_slug": "profile_updated_at",
            "type": "timestamp",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "ac5730ce-801c-48eb-b0b7-ac1dbd42504b"
            },
            "title": "Created at",
            "description": null,
            "api_slug": "created_at",
            "type": "timestamp",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "6054719d-35b7-499d-914c-be24282fe22c"
            },
            "title": "Created by",
            "description": null,
            "api_slug": "created_by",
            "type": "actor-reference",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/attributes",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "eabdda54-a88b-4b0e-ba46-70f7043031dd"
            },
            "title": "Name",
            "description": null,
            "api_slug": "name",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "b57110be-7e13-4a59-8c89-7a5ac8963da4"
            },
            "title": "Domains",
            "description": null,
            "api_slug": "domains",
            "type": "domain",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": true,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "67220d65-8aeb-4cac-b783-2c8ad96965e0"
            },
            "title": "Description",
            "description": null,
            "api_slug": "description",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "52596786-e746-4cd8-8468-45e96cd98a01"
            },
            "title": "Team",
            "description": null,
            "api_slug": "team",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "attribute_id": "eb825007-12e1-4073-a361-352a10726411"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "edf7d0c4-c6f2-4087-947b-dd6b20ec561d"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "37c804f2-22ff-4e88-8d97-8b773f631f8f"
            },
            "title": "Associated deals",
            "description": null,
            "api_slug": "associated_deals",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "attribute_id": "6f81bf02-3568-4931-b979-2638c28c426a"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "7a39f3be-c87d-4995-a385-b47c36143ca6"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "aecae9a2-e5b2-4694-b359-458c470ed95b"
            },
            "title": "Associated workspaces",
            "description": null,
            "api_slug": "associated_workspaces",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "546e4f53-b1b8-45b8-8e84-b14e49a9076e",
                "attribute_id": "de28e00c-0740-41d0-a8f4-0afd07508bda"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "546e4f53-b1b8-45b8-8e84-b14e49a9076e"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "4eda3f7e-471f-4a47-9ac7-e6266ebad723"
            },
            "title": "PQL score",
            "description": null,
            "api_slug": "pql_score",
            "type": "number",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963"
            },
            "title": "Plan type",
            "description": null,
            "api_slug": "plan_type",
            "type": "select",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "076d7ab5-dd31-4fe5-9459-f2709e4dfe3e"
            },
            "title": "Account updated at",
            "description": null,
            "api_slug": "account_updated_at",
            "type": "timestamp",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "9ca479dc-9933-457a-8951-15ee641f3e9c"
            },
            "title": "Created at",
            "description": null,
            "api_slug": "created_at",
            "type": "timestamp",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "4094b724-3f5f-4f71-bd33-d5a801072b8d"
            },
            "title": "Created by",
            "description": null,
            "api_slug": "created_by",
            "type": "actor-reference",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/attributes",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "691eb19d-9ac9-4036-af5d-add3fb6c587d"
            },
            "title": "Name",
            "description": null,
            "api_slug": "name",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": true,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4"
            },
            "title": "Stage",
            "description": null,
            "api_slug": "stage",
            "type": "status",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": true,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "5a876fb6-e35d-47be-a665-32b7af6334f4"
            },
            "title": "Owner",
            "description": null,
            "api_slug": "owner",
            "type": "actor-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": true,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "674c991b-698e-42f7-ae65-2d43c5764811"
            },
            "title": "Value",
            "description": null,
            "api_slug": "value",
            "type": "currency",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": "USD",
                "display_type": "symbol"
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "8cf75b23-864f-47c8-b5f3-e0e9c91ba159"
            },
            "title": "Associated people",
            "description": null,
            "api_slug": "associated_people",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": true,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "attribute_id": "d62b2835-016f-454a-af58-ab4105126636"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "edf7d0c4-c6f2-4087-947b-dd6b20ec561d"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "6f81bf02-3568-4931-b979-2638c28c426a"
            },
            "title": "Associated company",
            "description": null,
            "api_slug": "associated_company",
            "type": "record-reference",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": {
              "id": {
                "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
                "attribute_id": "37c804f2-22ff-4e88-8d97-8b773f631f8f"
              }
            },
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "37fa0070-1833-41b4-923e-09fe0e0111aa"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "311bc8f4-d08a-43d9-83bb-dea89c0507a2"
            },
            "title": "PLG deal key",
            "description": null,
            "api_slug": "plg_deal_key",
            "type": "text",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": true,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "dbe7ddb9-1268-42a8-be6c-fad4829d6111"
            },
            "title": "Created at",
            "description": null,
            "api_slug": "created_at",
            "type": "timestamp",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "20d8d8ef-2e01-4736-8d81-312753710b2d"
            },
            "title": "Created by",
            "description": null,
            "api_slug": "created_by",
            "type": "actor-reference",
            "is_system_attribute": true,
            "is_writable": false,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/lists/active_trials/attributes",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "fa2a0fa3-a5fd-485a-a71f-3a1ff9ce8a58",
              "attribute_id": "5d08c46d-d08a-42aa-a369-24ef9da42b12"
            },
            "title": "Trial started at",
            "description": null,
            "api_slug": "trial_started_at",
            "type": "timestamp",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/lists/pql_queue/attributes",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "ed92e886-4694-4f1f-8d8e-0a4c90e26da6",
              "attribute_id": "90eb1efb-796f-4880-a3cf-f64c06920fe2"
            },
            "title": "PQL score",
            "description": null,
            "api_slug": "pql_score",
            "type": "number",
            "is_system_attribute": false,
            "is_writable": true,
            "is_required": false,
            "is_unique": false,
            "is_multiselect": false,
            "is_default_value_enabled": false,
            "is_archived": false,
            "default_value": null,
            "relationship": null,
            "created_at": "2026-12-01T11:21:12.081Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": null
              }
            }
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/attributes/plan_type/options",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
              "option_id": "db440eaa-4028-4014-ba82-9b71161d3381"
            },
            "title": "free",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
              "option_id": "7daf26d3-cebf-482f-8188-cc6a99219745"
            },
            "title": "trial",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
              "option_id": "62afa049-476e-46ed-8f6c-45693e8243a8"
            },
            "title": "starter",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
              "option_id": "a1c2d374-cb23-49f2-b5b0-ba02e4d0e0e1"
            },
            "title": "pro",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
              "option_id": "78b1edbd-3235-42bf-9b1f-bf3c52fdc8f5"
            },
            "title": "enterprise",
            "is_archived": false
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/attributes/pql_tier/options",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e",
              "option_id": "8869e672-f1e4-4454-90f6-88ece4fbb087"
            },
            "title": "cold",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e",
              "option_id": "17ba9cc1-be22-4c12-a2ae-1215811de7d9"
            },
            "title": "warm",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e",
              "option_id": "460a5821-aad0-4143-8327-060d42e56260"
            },
            "title": "hot",
            "is_archived": false
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/attributes/milestones_completed/options",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6",
              "option_id": "51d0988f-b767-4b1e-8875-51950b7616e4"
            },
            "title": "onboarding_completed",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6",
              "option_id": "ad96495d-f641-4a67-be3b-d81b8c286ad1"
            },
            "title": "first_integration",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6",
              "option_id": "3b28053a-33da-4f6d-b8a9-545a303adba1"
            },
            "title": "data_imported",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6",
              "option_id": "dbc28ade-983e-4d19-9d7d-a71ff25355ca"
            },
            "title": "team_invited",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "attribute_id": "719d993f-c0fd-4e05-aa9b-9acff0ec3ad6",
              "option_id": "97ecb1dc-9d98-44c6-b2b1-3058c53bfcc8"
            },
            "title": "feature_activated",
            "is_archived": false
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/attributes/plan_type/options",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963",
              "option_id": "0d5d0894-5a3d-4a3c-a8ee-5283ca54f0ab"
            },
            "title": "free",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963",
              "option_id": "14cd15e6-d3a8-410e-ac66-63cbaa95a600"
            },
            "title": "trial",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963",
              "option_id": "1e8cc517-f5a4-41ba-98c4-a3d4569d1b65"
            },
            "title": "starter",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963",
              "option_id": "4235026c-fb1a-41a7-88da-030c968806d9"
            },
            "title": "pro",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
              "attribute_id": "2ca2b411-4622-40c6-bc08-5478ad563963",
              "option_id": "a7698e70-fd3a-40e4-9726-c8ca0c6da946"
            },
            "title": "enterprise",
            "is_archived": false
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/attributes/stage/statuses",
      "method": "GET",
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "5d7ffc35-9e6e-442c-9436-35f15e7ba840"
            },
            "title": "Lead",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "6516cc3e-34dd-44bf-bb08-4cbb6ec343cb"
            },
            "title": "Product Qualified",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "6a164517-4b6f-467c-b929-2a7a169bb754"
            },
            "title": "Sales Qualified",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "2482141a-89fd-4a84-917d-1a302bce5c85"
            },
            "title": "In Progress",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "2c708ffa-f149-4d45-b126-509d5f989b70"
            },
            "title": "Won 🎉",
            "is_archived": false,
            "celebration_enabled": true,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
              "status_id": "a1c6872d-b640-42f1-8be9-bfbaf6b331bd"
            },
            "title": "Lost",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "ada@lovelace-analytics.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "lovelace-analytics.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "lovelace-analytics.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "0743098b-be7e-4984-93f7-fb1017f23612"
          },
          "created_at": "2026-12-01T11:21:12.317000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/0743098b-be7e-4984-93f7-fb1017f23612",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:12.317000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "lovelace-analytics.io",
                "root_domain": "lovelace-analytics.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.317000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.317000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.317000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "ada@lovelace-analytics.io"
            ],
            "name": [
              {
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace"
              }
            ],
            "plan_type": [
              "trial"
            ],
            "signup_date": [
              "2024-11-04"
            ],
            "signup_source": [
              "website"
            ],
            "company": [
              {
                "target_object": "companies",
                "target_record_id": "0743098b-be7e-4984-93f7-fb1017f23612"
              }
            ],
            "profile_updated_at": [
              "2024-11-04T09:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "57384972-18cc-41b5-b246-a7977bfbd50b"
          },
          "created_at": "2026-12-01T11:21:12.335000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/57384972-18cc-41b5-b246-a7977bfbd50b",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "ada@lovelace-analytics.io",
                "email_address": "ada@lovelace-analytics.io",
                "email_domain": "lovelace-analytics.io",
                "email_root_domain": "lovelace-analytics.io",
                "email_local_specifier": "ada",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "0743098b-be7e-4984-93f7-fb1017f23612",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "signup_source": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "website",
                "attribute_type": "text"
              }
            ],
            "plan_type": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "option": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                    "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
                    "option_id": "7daf26d3-cebf-482f-8188-cc6a99219745"
                  },
                  "title": "trial",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.335000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.335000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "grace@hopper-labs.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "hopper-labs.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "hopper-labs.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "f934d87e-8212-41e5-89f9-a5c422d35665"
          },
          "created_at": "2026-12-01T11:21:12.382000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/f934d87e-8212-41e5-89f9-a5c422d35665",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:12.382000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "hopper-labs.io",
                "root_domain": "hopper-labs.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.382000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.382000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.382000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "grace@hopper-labs.io"
            ],
            "name": [
              {
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper"
              }
            ],
            "job_title": [
              "Staff Engineer"
            ],
            "company": [
              {
                "target_object": "companies",
                "target_record_id": "f934d87e-8212-41e5-89f9-a5c422d35665"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-05"
            ],
            "profile_updated_at": [
              "2024-11-04T10:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197"
          },
          "created_at": "2026-12-01T11:21:12.395000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/fca8348c-8387-4dd3-9b4f-b0d6b086a197",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "grace@hopper-labs.io",
                "email_address": "grace@hopper-labs.io",
                "email_domain": "hopper-labs.io",
                "email_root_domain": "hopper-labs.io",
                "email_local_specifier": "grace",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "f934d87e-8212-41e5-89f9-a5c422d35665",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Staff Engineer",
                "attribute_type": "text"
              }
            ],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-05",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T10:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.395000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.395000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "created_at": "2024-11-05T10:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "ab3121ea-71f3-4428-a8ae-dd3052729120"
          },
          "parent_object": "people",
          "parent_record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.405000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "ab3121ea-71f3-4428-a8ae-dd3052729120"
            },
            "parent_object": "people",
            "parent_record_id": "fca8348c-8387-4dd3-9b4f-b0d6b086a197",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.405000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "katherine@johnson-orbital.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "johnson-orbital.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "johnson-orbital.io"
            ],
            "name": [
              "Johnson Orbital"
            ],
            "account_updated_at": [
              "2024-11-06T09:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "5c82d77b-047e-4c47-bd6f-02fb14ac48ca"
          },
          "created_at": "2026-12-01T11:21:12.430000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/5c82d77b-047e-4c47-bd6f-02fb14ac48ca",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.430000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Johnson Orbital",
                "attribute_type": "text"
              }
            ],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:12.430000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "johnson-orbital.io",
                "root_domain": "johnson-orbital.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.430000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-06T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.430000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.430000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.430000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "katherine@johnson-orbital.io"
            ],
            "name": [
              {
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson"
              }
            ],
            "company": [
              {
                "target_object": "companies",
                "target_record_id": "5c82d77b-047e-4c47-bd6f-02fb14ac48ca"
              }
            ],
            "pql_score": [
              70
            ],
            "pql_tier": [
              "hot"
            ],
            "pql_explanation": [
              "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100"
            ],
            "pql_scored_at": [
              "2024-11-07T09:00:00.000Z"
            ],
            "last_activity_date": [
              "2024-11-07"
            ],
            "profile_updated_at": [
              "2024-11-06T09:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "710e0951-5499-4d4b-b467-f028f0daa507"
          },
          "created_at": "2026-12-01T11:21:12.438000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/710e0951-5499-4d4b-b467-f028f0daa507",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "katherine@johnson-orbital.io",
                "email_address": "katherine@johnson-orbital.io",
                "email_domain": "johnson-orbital.io",
                "email_root_domain": "johnson-orbital.io",
                "email_local_specifier": "katherine",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "5c82d77b-047e-4c47-bd6f-02fb14ac48ca",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 70,
                "attribute_type": "number"
              }
            ],
            "pql_tier": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "option": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                    "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e",
                    "option_id": "460a5821-aad0-4143-8327-060d42e56260"
                  },
                  "title": "hot",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_explanation": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100",
                "attribute_type": "text"
              }
            ],
            "pql_scored_at": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-07",
                "attribute_type": "date"
              }
            ],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-06T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.438000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.438000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
          "title": "PQL Qualified",
          "format": "plaintext",
          "content": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "created_at": "2024-11-07T09:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "0daecd32-50c0-414b-9b40-b2fa51df3853"
          },
          "parent_object": "people",
          "parent_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
          "title": "PQL Qualified",
          "meeting_id": null,
          "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.449000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "0daecd32-50c0-414b-9b40-b2fa51df3853"
            },
            "parent_object": "people",
            "parent_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
            "title": "PQL Qualified",
            "meeting_id": null,
            "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.449000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "plg_deal_key": "pql:company:5c82d77b-047e-4c47-bd6f-02fb14ac48ca"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records",
      "method": "POST",
      "data": {
        "data": {
          "values": {
            "name": [
              "PQL - Johnson Orbital"
            ],
            "stage": [
              "Product Qualified"
            ],
            "owner": [
              {
                "workspace_member_email_address": "alex.rivera@plg-demo.test"
              }
            ],
            "associated_company": [
              {
                "target_object": "companies",
                "target_record_id": "5c82d77b-047e-4c47-bd6f-02fb14ac48ca"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "710e0951-5499-4d4b-b467-f028f0daa507"
              }
            ],
            "plg_deal_key": [
              "pql:company:5c82d77b-047e-4c47-bd6f-02fb14ac48ca"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
            "record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39"
          },
          "created_at": "2026-12-01T11:21:12.468000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/1ae0369f-1d6c-4bdd-b1bc-689b11463c39",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "PQL - Johnson Orbital",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "status": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                    "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
                    "status_id": "6516cc3e-34dd-44bf-bb08-4cbb6ec343cb"
                  },
                  "title": "Product Qualified",
                  "is_archived": false,
                  "celebration_enabled": false,
                  "target_time_in_status": null
                },
                "attribute_type": "status"
              }
            ],
            "owner": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [],
            "associated_people": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "people",
                "target_record_id": "710e0951-5499-4d4b-b467-f028f0daa507",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "5c82d77b-047e-4c47-bd6f-02fb14ac48ca",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "pql:company:5c82d77b-047e-4c47-bd6f-02fb14ac48ca",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.468000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.468000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "POST",
      "data": {
        "data": {
          "content": "PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "format": "plaintext",
          "deadline_at": "2024-11-08T09:00:00.000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object": "deals",
              "target_record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39"
            },
            {
              "target_object": "people",
              "target_record_id": "710e0951-5499-4d4b-b467-f028f0daa507"
            }
          ],
          "assignees": [
            {
              "workspace_member_email_address": "alex.rivera@plg-demo.test"
            }
          ]
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "task_id": "af1383a3-e9c7-4ccb-9489-ea67c0762efa"
          },
          "content_plaintext": "PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "deadline_at": "2024-11-08T09:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "target_record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39"
            },
            {
              "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "target_record_id": "710e0951-5499-4d4b-b467-f028f0daa507"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.476000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "task_id": "af1383a3-e9c7-4ccb-9489-ea67c0762efa"
            },
            "content_plaintext": "PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
            "deadline_at": "2024-11-08T09:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "target_record_id": "1ae0369f-1d6c-4bdd-b1bc-689b11463c39"
              },
              {
                "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "target_record_id": "710e0951-5499-4d4b-b467-f028f0daa507"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.476000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "margaret@hamilton-systems.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "margaret@hamilton-systems.io"
            ],
            "name": [
              {
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton"
              }
            ],
            "profile_updated_at": [
              "2024-11-08T15:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a"
          },
          "created_at": "2026-12-01T11:21:12.491000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/99b16fdd-5a77-45d1-9f9d-32343051385a",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.491000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.491000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "margaret@hamilton-systems.io",
                "email_address": "margaret@hamilton-systems.io",
                "email_domain": "hamilton-systems.io",
                "email_root_domain": "hamilton-systems.io",
                "email_local_specifier": "margaret",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.491000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-08T15:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.491000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.491000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.491000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "hamilton-systems.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "hamilton-systems.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "479a542d-2031-412a-a303-c6a0c1d2e156"
          },
          "created_at": "2026-12-01T11:21:12.498000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/479a542d-2031-412a-a303-c6a0c1d2e156",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:12.498000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "hamilton-systems.io",
                "root_domain": "hamilton-systems.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.498000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.498000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.498000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "plg_deal_key": "enterprise-upgrade:company:479a542d-2031-412a-a303-c6a0c1d2e156"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records",
      "method": "POST",
      "data": {
        "data": {
          "values": {
            "name": [
              "Enterprise Upgrade - hamilton-systems.io"
            ],
            "stage": [
              "Sales Qualified"
            ],
            "owner": [
              {
                "workspace_member_email_address": "alex.rivera@plg-demo.test"
              }
            ],
            "value": [
              24000
            ],
            "associated_company": [
              {
                "target_object": "companies",
                "target_record_id": "479a542d-2031-412a-a303-c6a0c1d2e156"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a"
              }
            ],
            "plg_deal_key": [
              "enterprise-upgrade:company:479a542d-2031-412a-a303-c6a0c1d2e156"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
            "record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d"
          },
          "created_at": "2026-12-01T11:21:12.504000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Enterprise Upgrade - hamilton-systems.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "status": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                    "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
                    "status_id": "6a164517-4b6f-467c-b929-2a7a169bb754"
                  },
                  "title": "Sales Qualified",
                  "is_archived": false,
                  "celebration_enabled": false,
                  "target_time_in_status": null
                },
                "attribute_type": "status"
              }
            ],
            "owner": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "currency_value": 24000,
                "currency_code": "USD",
                "attribute_type": "currency"
              }
            ],
            "associated_people": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "people",
                "target_record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "479a542d-2031-412a-a303-c6a0c1d2e156",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "enterprise-upgrade:company:479a542d-2031-412a-a303-c6a0c1d2e156",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.504000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.504000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "POST",
      "data": {
        "data": {
          "content": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "format": "plaintext",
          "deadline_at": "2024-11-09T15:00:00.000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object": "deals",
              "target_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d"
            },
            {
              "target_object": "people",
              "target_record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a"
            }
          ],
          "assignees": [
            {
              "workspace_member_email_address": "alex.rivera@plg-demo.test"
            }
          ]
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "task_id": "08d46dd9-6926-4c38-acdb-3c833305c3f2"
          },
          "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "deadline_at": "2024-11-09T15:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "target_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d"
            },
            {
              "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "target_record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.509000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "task_id": "08d46dd9-6926-4c38-acdb-3c833305c3f2"
            },
            "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
            "deadline_at": "2024-11-09T15:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "target_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d"
              },
              {
                "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "target_record_id": "99b16fdd-5a77-45d1-9f9d-32343051385a"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.509000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "company": {
            "target_object": "companies",
            "target_record_id": "479a542d-2031-412a-a303-c6a0c1d2e156"
          }
        },
        "limit": 500,
        "offset": 0
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "deals",
        "parent_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "deals",
          "parent_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
          "title": "PLG Handoff Context",
          "format": "plaintext",
          "content": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "created_at": "2024-11-08T15:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "bbde4a4f-b3ae-44dc-95ae-682b22f0329e"
          },
          "parent_object": "deals",
          "parent_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
          "title": "PLG Handoff Context",
          "meeting_id": null,
          "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.531000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "deals",
        "parent_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "bbde4a4f-b3ae-44dc-95ae-682b22f0329e"
            },
            "parent_object": "deals",
            "parent_record_id": "b829e93d-d04f-4c7e-9ff1-059ad9a2516d",
            "title": "PLG Handoff Context",
            "meeting_id": null,
            "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.531000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "alan@turing-compute.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 429,
      "data": {
        "status_code": 429,
        "type": "rate_limit_error",
        "code": "rate_limit_exceeded",
        "message": "Rate limit exceeded, please try again later"
      },
      "headers": {
        "retry-after": "0"
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "alan@turing-compute.io"
            ],
            "name": [
              {
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-04"
            ],
            "profile_updated_at": [
              "2024-11-04T11:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7"
          },
          "created_at": "2026-12-01T11:21:12.545000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "alan@turing-compute.io",
                "email_address": "alan@turing-compute.io",
                "email_domain": "turing-compute.io",
                "email_root_domain": "turing-compute.io",
                "email_local_specifier": "alan",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T11:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.545000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.545000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "created_at": "2024-11-04T11:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "c79dead5-9f77-431b-852f-bb5cc1453829"
          },
          "parent_object": "people",
          "parent_record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.551000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "c79dead5-9f77-431b-852f-bb5cc1453829"
            },
            "parent_object": "people",
            "parent_record_id": "c637f543-b9fc-49a7-b7ca-d3e44e2444d7",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.551000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "barbara@liskov-data.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 503,
      "data": {
        "status_code": 503,
        "type": "api_error",
        "code": "service_unavailable",
        "message": "Service temporarily unavailable"
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "barbara@liskov-data.io"
            ],
            "name": [
              {
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-04"
            ],
            "profile_updated_at": [
              "2024-11-04T12:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "de556b34-e40a-451b-8bea-d8322ea926ff"
          },
          "created_at": "2026-12-01T11:21:12.561000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/de556b34-e40a-451b-8bea-d8322ea926ff",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "barbara@liskov-data.io",
                "email_address": "barbara@liskov-data.io",
                "email_domain": "liskov-data.io",
                "email_root_domain": "liskov-data.io",
                "email_local_specifier": "barbara",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T12:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.561000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.561000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "de556b34-e40a-451b-8bea-d8322ea926ff",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "de556b34-e40a-451b-8bea-d8322ea926ff",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "created_at": "2024-11-04T12:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "e0b6954e-9842-43de-b46f-c75ea08a662d"
          },
          "parent_object": "people",
          "parent_record_id": "de556b34-e40a-451b-8bea-d8322ea926ff",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.567000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "de556b34-e40a-451b-8bea-d8322ea926ff",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "e0b6954e-9842-43de-b46f-c75ea08a662d"
            },
            "parent_object": "people",
            "parent_record_id": "de556b34-e40a-451b-8bea-d8322ea926ff",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.567000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "ada@p-lovelace-analytics.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "p-lovelace-analytics.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "p-lovelace-analytics.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "493e0006-b671-483c-b105-5b570d6d6ea6"
          },
          "created_at": "2026-12-01T11:21:12.583000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/493e0006-b671-483c-b105-5b570d6d6ea6",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:12.583000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "p-lovelace-analytics.io",
                "root_domain": "p-lovelace-analytics.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.583000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.583000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.583000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "ada@p-lovelace-analytics.io"
            ],
            "name": [
              {
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace"
              }
            ],
            "plan_type": [
              "trial"
            ],
            "signup_date": [
              "2024-11-04"
            ],
            "signup_source": [
              "website"
            ],
            "company": [
              {
                "target_object": "companies",
                "target_record_id": "493e0006-b671-483c-b105-5b570d6d6ea6"
              }
            ],
            "profile_updated_at": [
              "2024-11-04T09:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "4b6b4100-c416-49e7-bdd5-b0cd90c6bae0"
          },
          "created_at": "2026-12-01T11:21:12.586000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/4b6b4100-c416-49e7-bdd5-b0cd90c6bae0",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "ada@p-lovelace-analytics.io",
                "email_address": "ada@p-lovelace-analytics.io",
                "email_domain": "p-lovelace-analytics.io",
                "email_root_domain": "p-lovelace-analytics.io",
                "email_local_specifier": "ada",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "493e0006-b671-483c-b105-5b570d6d6ea6",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "signup_source": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "website",
                "attribute_type": "text"
              }
            ],
            "plan_type": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "option": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                    "attribute_id": "07690d27-d539-4a69-8b79-dd14726021a8",
                    "option_id": "7daf26d3-cebf-482f-8188-cc6a99219745"
                  },
                  "title": "trial",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.586000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.586000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "grace@p-hopper-labs.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "grace@p-hopper-labs.io"
            ],
            "name": [
              {
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-05"
            ],
            "profile_updated_at": [
              "2024-11-05T10:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6"
          },
          "created_at": "2026-12-01T11:21:12.593000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "grace@p-hopper-labs.io",
                "email_address": "grace@p-hopper-labs.io",
                "email_domain": "p-hopper-labs.io",
                "email_root_domain": "p-hopper-labs.io",
                "email_local_specifier": "grace",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-05",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-05T10:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.593000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.593000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "created_at": "2024-11-05T10:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "1ebcc9db-6f42-46c1-b47b-e9ad373779d7"
          },
          "parent_object": "people",
          "parent_record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.599000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "1ebcc9db-6f42-46c1-b47b-e9ad373779d7"
            },
            "parent_object": "people",
            "parent_record_id": "2b0944c5-885c-4ec1-a18c-31e4191dd5e6",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.599000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "katherine@p-johnson-orbital.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "katherine@p-johnson-orbital.io"
            ],
            "name": [
              {
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson"
              }
            ],
            "pql_score": [
              70
            ],
            "pql_tier": [
              "hot"
            ],
            "pql_explanation": [
              "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100"
            ],
            "pql_scored_at": [
              "2024-11-07T09:00:00.000Z"
            ],
            "last_activity_date": [
              "2024-11-07"
            ],
            "profile_updated_at": [
              "2024-11-07T09:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "2ca171c0-c9fd-4021-860c-34b004889a35"
          },
          "created_at": "2026-12-01T11:21:12.608000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/2ca171c0-c9fd-4021-860c-34b004889a35",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "katherine@p-johnson-orbital.io",
                "email_address": "katherine@p-johnson-orbital.io",
                "email_domain": "p-johnson-orbital.io",
                "email_root_domain": "p-johnson-orbital.io",
                "email_local_specifier": "katherine",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 70,
                "attribute_type": "number"
              }
            ],
            "pql_tier": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "option": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                    "attribute_id": "39ae7898-5cbf-40d6-afff-5c7ebf5efb7e",
                    "option_id": "460a5821-aad0-4143-8327-060d42e56260"
                  },
                  "title": "hot",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_explanation": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100",
                "attribute_type": "text"
              }
            ],
            "pql_scored_at": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-07",
                "attribute_type": "date"
              }
            ],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:12.608000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:12.608000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
          "title": "PQL Qualified",
          "format": "plaintext",
          "content": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "created_at": "2024-11-07T09:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "8ff9206d-0153-4c00-887b-64122fe1f2ce"
          },
          "parent_object": "people",
          "parent_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
          "title": "PQL Qualified",
          "meeting_id": null,
          "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:12.614000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "8ff9206d-0153-4c00-887b-64122fe1f2ce"
            },
            "parent_object": "people",
            "parent_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
            "title": "PQL Qualified",
            "meeting_id": null,
            "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:12.614000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "p-johnson-orbital.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "p-johnson-orbital.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "4f358251-3342-4786-8994-8f963e370853"
          },
          "created_at": "2026-12-01T11:21:13.315000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/4f358251-3342-4786-8994-8f963e370853",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:13.315000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "p-johnson-orbital.io",
                "root_domain": "p-johnson-orbital.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.315000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.315000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.315000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "plg_deal_key": "pql:company:4f358251-3342-4786-8994-8f963e370853"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records",
      "method": "POST",
      "data": {
        "data": {
          "values": {
            "name": [
              "PQL - p-johnson-orbital.io"
            ],
            "stage": [
              "Product Qualified"
            ],
            "owner": [
              {
                "workspace_member_email_address": "alex.rivera@plg-demo.test"
              }
            ],
            "associated_company": [
              {
                "target_object": "companies",
                "target_record_id": "4f358251-3342-4786-8994-8f963e370853"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35"
              }
            ],
            "plg_deal_key": [
              "pql:company:4f358251-3342-4786-8994-8f963e370853"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
            "record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8"
          },
          "created_at": "2026-12-01T11:21:13.322000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/1b825f30-aa2a-4760-8eff-af3aa77e65d8",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "PQL - p-johnson-orbital.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "status": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                    "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
                    "status_id": "6516cc3e-34dd-44bf-bb08-4cbb6ec343cb"
                  },
                  "title": "Product Qualified",
                  "is_archived": false,
                  "celebration_enabled": false,
                  "target_time_in_status": null
                },
                "attribute_type": "status"
              }
            ],
            "owner": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [],
            "associated_people": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "people",
                "target_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "4f358251-3342-4786-8994-8f963e370853",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "pql:company:4f358251-3342-4786-8994-8f963e370853",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.322000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.322000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "POST",
      "data": {
        "data": {
          "content": "PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "format": "plaintext",
          "deadline_at": "2024-11-08T09:00:00.000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object": "deals",
              "target_record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8"
            },
            {
              "target_object": "people",
              "target_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35"
            }
          ],
          "assignees": [
            {
              "workspace_member_email_address": "alex.rivera@plg-demo.test"
            }
          ]
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "task_id": "634b7399-fda5-4860-b2cb-fae7f27b08b8"
          },
          "content_plaintext": "PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "deadline_at": "2024-11-08T09:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "target_record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8"
            },
            {
              "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "target_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:13.328000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "task_id": "634b7399-fda5-4860-b2cb-fae7f27b08b8"
            },
            "content_plaintext": "PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
            "deadline_at": "2024-11-08T09:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "target_record_id": "1b825f30-aa2a-4760-8eff-af3aa77e65d8"
              },
              {
                "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "target_record_id": "2ca171c0-c9fd-4021-860c-34b004889a35"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:13.328000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "margaret@p-hamilton-systems.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "margaret@p-hamilton-systems.io"
            ],
            "name": [
              {
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton"
              }
            ],
            "profile_updated_at": [
              "2024-11-08T15:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e"
          },
          "created_at": "2026-12-01T11:21:13.354000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:13.354000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:13.354000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "margaret@p-hamilton-systems.io",
                "email_address": "margaret@p-hamilton-systems.io",
                "email_domain": "p-hamilton-systems.io",
                "email_root_domain": "p-hamilton-systems.io",
                "email_local_specifier": "margaret",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:13.354000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-08T15:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.354000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.354000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.354000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "domains": "p-hamilton-systems.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/companies/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "domains"
      },
      "data": {
        "data": {
          "values": {
            "domains": [
              "p-hamilton-systems.io"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "37fa0070-1833-41b4-923e-09fe0e0111aa",
            "record_id": "62510991-882f-461e-bd8e-f24f202911b0"
          },
          "created_at": "2026-12-01T11:21:13.361000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/62510991-882f-461e-bd8e-f24f202911b0",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T11:21:13.361000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "domain": "p-hamilton-systems.io",
                "root_domain": "p-hamilton-systems.io",
                "attribute_type": "domain"
              }
            ],
            "description": [],
            "team": [],
            "associated_deals": [],
            "associated_workspaces": [],
            "pql_score": [],
            "plan_type": [],
            "account_updated_at": [],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.361000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.361000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.361000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "plg_deal_key": "enterprise-upgrade:company:62510991-882f-461e-bd8e-f24f202911b0"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/deals/records",
      "method": "POST",
      "data": {
        "data": {
          "values": {
            "name": [
              "Enterprise Upgrade - p-hamilton-systems.io"
            ],
            "stage": [
              "Sales Qualified"
            ],
            "owner": [
              {
                "workspace_member_email_address": "alex.rivera@plg-demo.test"
              }
            ],
            "value": [
              24000
            ],
            "associated_company": [
              {
                "target_object": "companies",
                "target_record_id": "62510991-882f-461e-bd8e-f24f202911b0"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e"
              }
            ],
            "plg_deal_key": [
              "enterprise-upgrade:company:62510991-882f-461e-bd8e-f24f202911b0"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
            "record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca"
          },
          "created_at": "2026-12-01T11:21:13.369000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "Enterprise Upgrade - p-hamilton-systems.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "status": {
                  "id": {
                    "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
                    "object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                    "attribute_id": "1ef8e14c-cde2-47be-a120-1cef057589e4",
                    "status_id": "6a164517-4b6f-467c-b929-2a7a169bb754"
                  },
                  "title": "Sales Qualified",
                  "is_archived": false,
                  "celebration_enabled": false,
                  "target_time_in_status": null
                },
                "attribute_type": "status"
              }
            ],
            "owner": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "currency_value": 24000,
                "currency_code": "USD",
                "attribute_type": "currency"
              }
            ],
            "associated_people": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "people",
                "target_record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "target_object": "companies",
                "target_record_id": "62510991-882f-461e-bd8e-f24f202911b0",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "enterprise-upgrade:company:62510991-882f-461e-bd8e-f24f202911b0",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.369000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.369000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "POST",
      "data": {
        "data": {
          "content": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "format": "plaintext",
          "deadline_at": "2024-11-09T15:00:00.000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object": "deals",
              "target_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca"
            },
            {
              "target_object": "people",
              "target_record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e"
            }
          ],
          "assignees": [
            {
              "workspace_member_email_address": "alex.rivera@plg-demo.test"
            }
          ]
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "task_id": "232be69b-a2a6-4c74-97c4-d0a258e000d6"
          },
          "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "deadline_at": "2024-11-09T15:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
              "target_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca"
            },
            {
              "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
              "target_record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:13.375000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/tasks",
      "method": "GET",
      "params": {
        "linked_object": "deals",
        "linked_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
        "limit": "500",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "task_id": "232be69b-a2a6-4c74-97c4-d0a258e000d6"
            },
            "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
            "deadline_at": "2024-11-09T15:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "7a39f3be-c87d-4995-a385-b47c36143ca6",
                "target_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca"
              },
              {
                "target_object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
                "target_record_id": "7ff01a3b-e41d-4f4e-82b3-0241bfc6b27e"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "5814396e-5e72-431e-acc7-796ee368669c"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:13.375000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "company": {
            "target_object": "companies",
            "target_record_id": "62510991-882f-461e-bd8e-f24f202911b0"
          }
        },
        "limit": 500,
        "offset": 0
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "deals",
        "parent_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "deals",
          "parent_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
          "title": "PLG Handoff Context",
          "format": "plaintext",
          "content": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "created_at": "2024-11-08T15:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "a8fa5c2b-f68c-4cb6-a7c1-8da0abe01ddf"
          },
          "parent_object": "deals",
          "parent_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
          "title": "PLG Handoff Context",
          "meeting_id": null,
          "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:13.386000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "deals",
        "parent_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "a8fa5c2b-f68c-4cb6-a7c1-8da0abe01ddf"
            },
            "parent_object": "deals",
            "parent_record_id": "e99bbc8b-47ae-4f38-8bc1-2e74139f10ca",
            "title": "PLG Handoff Context",
            "meeting_id": null,
            "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:13.386000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "alan@p-turing-compute.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 429,
      "data": {
        "status_code": 429,
        "type": "rate_limit_error",
        "code": "rate_limit_exceeded",
        "message": "Rate limit exceeded, please try again later"
      },
      "headers": {
        "retry-after": "0"
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "alan@p-turing-compute.io"
            ],
            "name": [
              {
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-04"
            ],
            "profile_updated_at": [
              "2024-11-04T11:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86"
          },
          "created_at": "2026-12-01T11:21:13.400000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "alan@p-turing-compute.io",
                "email_address": "alan@p-turing-compute.io",
                "email_domain": "p-turing-compute.io",
                "email_root_domain": "p-turing-compute.io",
                "email_local_specifier": "alan",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T11:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.400000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.400000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "created_at": "2024-11-04T11:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "5ae8fd75-88c2-46c0-aab3-e0e56efb1a9b"
          },
          "parent_object": "people",
          "parent_record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:13.406000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "5ae8fd75-88c2-46c0-aab3-e0e56efb1a9b"
            },
            "parent_object": "people",
            "parent_record_id": "31e3e8a4-d7d4-469d-a2af-6c6e5626dd86",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:13.406000000Z"
          }
        ]
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "email_addresses": "barbara@p-liskov-data.io"
        },
        "limit": 1
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 503,
      "data": {
        "status_code": 503,
        "type": "api_error",
        "code": "service_unavailable",
        "message": "Service temporarily unavailable"
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/objects/people/records",
      "method": "PUT",
      "params": {
        "matching_attribute": "email_addresses"
      },
      "data": {
        "data": {
          "values": {
            "email_addresses": [
              "barbara@p-liskov-data.io"
            ],
            "name": [
              {
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov"
              }
            ],
            "activation_score": [
              0.2
            ],
            "last_activity_date": [
              "2024-11-04"
            ],
            "profile_updated_at": [
              "2024-11-04T12:00:00.000Z"
            ]
          }
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "object_id": "edf7d0c4-c6f2-4087-947b-dd6b20ec561d",
            "record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e"
          },
          "created_at": "2026-12-01T11:21:13.416000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/585c5918-f470-4482-9f92-a0e3fdf40b2e",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "original_email_address": "barbara@p-liskov-data.io",
                "email_address": "barbara@p-liskov-data.io",
                "email_domain": "p-liskov-data.io",
                "email_root_domain": "p-liskov-data.io",
                "email_local_specifier": "barbara",
                "attribute_type": "email-address"
              }
            ],
            "description": [],
            "company": [],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [],
            "signup_source": [],
            "plan_type": [],
            "pql_score": [],
            "pql_tier": [],
            "pql_explanation": [],
            "pql_scored_at": [],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2024-11-04T12:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "value": "2026-12-01T11:21:13.416000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T11:21:13.416000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "def56397-7e9e-4bb9-8b72-94ca9d631678",
                "attribute_type": "actor-reference"
              }
            ]
          }
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": []
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "POST",
      "data": {
        "data": {
          "parent_object": "people",
          "parent_record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e",
          "title": "Activation Milestone",
          "format": "plaintext",
          "content": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "created_at": "2024-11-04T12:00:00.000Z"
        }
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": {
          "id": {
            "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
            "note_id": "a8216cd9-e779-48c7-b012-ade32aaee0cd"
          },
          "parent_object": "people",
          "parent_record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
          },
          "created_at": "2026-12-01T11:21:13.423000000Z"
        }
      }
    }
  },
  {
    "httpReq": {
      "url": "https://api.attio.com/v2/notes",
      "method": "GET",
      "params": {
        "parent_object": "people",
        "parent_record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e",
        "limit": "50",
        "offset": "0"
      },
      "headers": {
        "Authorization": "Bearer attio-plg-test-token-0c9e4b7a"
      }
    },
    "httpRes": {
      "status": 200,
      "data": {
        "data": [
          {
            "id": {
              "workspace_id": "0fb4be27-6b49-4394-b675-335035bf0866",
              "note_id": "a8216cd9-e779-48c7-b012-ade32aaee0cd"
            },
            "parent_object": "people",
            "parent_record_id": "585c5918-f470-4482-9f92-a0e3fdf40b2e",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "def56397-7e9e-4bb9-8b72-94ca9d631678"
            },
            "created_at": "2026-12-01T11:21:13.423000000Z"
          }
        ]
      }
    }
  }
];

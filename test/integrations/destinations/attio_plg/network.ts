/** Attio calls of the attio_plg cases, recorded from the emulator by test/integrations/support/record.ts. */
export const networkCallsData = [
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "4d276e16-4e16-49f4-b376-84bc2bd15f49"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "eb994785-85f5-4880-8b82-dcc275f4520b"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "62202ba4-45cb-4c9c-bb34-0d5a302913ad"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "174c9b5c-4ec5-4e7b-ab2d-08e23e4372c6"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
                "attribute_id": "e69527d5-96e7-4679-81ee-6269b7d45b99"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "1719094f-9ace-4bd4-8655-cedaf79944cf"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "d19a8539-f05a-45ff-9d64-334bb291b037"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "7d2e3e2b-10ee-421a-8d27-52793a9b941f"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "attribute_id": "68af7644-c131-4548-af4a-9f82df84456d"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "2a0e3103-9dc8-4a79-b317-474ca3dfa709"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "5aa108d0-0d73-453e-aa32-f578f21a281d"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "58579ee2-d04f-418c-ade6-bf0a87e9e490",
                "attribute_id": "553a1542-221c-48b8-95ca-d4c321bd73f0"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "58579ee2-d04f-418c-ade6-bf0a87e9e490"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "0c833a87-8b6a-4cdd-805a-658b397352dc"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "14a58f4a-33dd-4025-8398-a5e4b4c9e37e"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "ae94c351-3e06-4443-be80-d32733f34466"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "d0c95b38-6999-4451-bd75-d6922ed25899"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "2db16766-f256-42ed-b6a6-b26021a27369"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "2310bb81-6bb4-4dd0-8c07-9d760b16a494"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "d41e333d-f341-478e-b377-61cec3edbceb"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "d0b7be30-cc2c-4c54-a0fa-d349d416a71b"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "07f600c5-dab0-45bd-b928-89117722600b"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "5c546698-2664-46e6-a03f-641bd6ed6d19"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "ac24ab86-2e66-42d9-906b-35d4f3039bae"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
              "option_id": "0722c1a8-f968-4281-8cb3-01b8f79f35f4"
            },
            "title": "free",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
              "option_id": "afbe4696-051e-47e2-ac3e-27c7d76bb082"
            },
            "title": "trial",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
              "option_id": "f4aefe07-6626-4260-b51a-d3dab61e494d"
            },
            "title": "starter",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
              "option_id": "5e80b11b-1eb4-4832-98aa-3c6280100b5f"
            },
            "title": "pro",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
              "option_id": "cdb29df2-95a0-4de9-8faf-9d5c1602b8c1"
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "05cc9d6f-a0d5-4525-bd35-04606088c59e"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "d944b6bd-2663-4c2f-8188-36561eb21ba1"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "d1c95b36-6d8a-466a-adbc-6973dfa34c51"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "e69527d5-96e7-4679-81ee-6269b7d45b99"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "attribute_id": "174c9b5c-4ec5-4e7b-ab2d-08e23e4372c6"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "f21779e9-6bbc-41ae-8fed-0e744c606cf3"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "ea557eb1-a60f-4c22-8ed4-737e261c8084"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "attribute_id": "13d1c90c-183a-48a4-b428-57667bf3f3ee"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "2a0e3103-9dc8-4a79-b317-474ca3dfa709"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "2cbf6a55-7b6b-4bb1-99a9-e0c7e0068bb0"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "528866ba-a74e-46ba-bb34-2a5e86a1d002",
                "attribute_id": "0115a519-44d5-47ea-9b73-fbc0c5bcf053"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "528866ba-a74e-46ba-bb34-2a5e86a1d002"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "7e2fd2a3-0b90-4405-850f-cd76341165c6"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "afac0a67-c0a5-48fb-92d3-34c935b875b9"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "6cf66496-1cc2-4633-9bba-34f78f6d3e5e"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "c3fbd319-835c-4903-8e2c-15992bf59ad6"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
              "attribute_id": "fb814d04-36bb-4980-ad95-7121e9f8677a"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "9ab8c60c-361f-46ad-9089-290ac6775039"
          },
          "created_at": "2026-12-01T10:51:07.782000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/9ab8c60c-361f-46ad-9089-290ac6775039",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:07.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:07.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:07.782000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:07.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "list_id": "4d9410a8-a2f6-4f54-a3a5-3853d66d20d5"
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
              "id": "1a188b73-9361-4177-ab1b-e693b4a66030"
            },
            "created_at": "2026-12-01T10:51:07.656Z"
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "list_id": "8f7362e7-b11a-4c93-bcaf-0397836c8888"
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
              "id": "1a188b73-9361-4177-ab1b-e693b4a66030"
            },
            "created_at": "2026-12-01T10:51:07.656Z"
          }
        ]
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
                "target_record_id": "9ab8c60c-361f-46ad-9089-290ac6775039"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "90bea757-f0e9-43fc-ab0a-b5e926ed5bbf"
          },
          "created_at": "2026-12-01T10:51:07.894000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/90bea757-f0e9-43fc-ab0a-b5e926ed5bbf",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "9ab8c60c-361f-46ad-9089-290ac6775039",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "signup_source": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "website",
                "attribute_type": "text"
              }
            ],
            "plan_type": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "option": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                    "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
                    "option_id": "afbe4696-051e-47e2-ac3e-27c7d76bb082"
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
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:07.894000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:07.894000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "d82e1562-3b9f-4b44-b93b-53d57f9a94b6"
          },
          "created_at": "2026-12-01T10:51:08.045000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/d82e1562-3b9f-4b44-b93b-53d57f9a94b6",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.045000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.045000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.045000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.045000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd",
              "option_id": "6d5c7100-f948-4782-b1f6-7efb31b7a4ea"
            },
            "title": "onboarding_completed",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd",
              "option_id": "af13b055-b48f-4c36-a151-0e0bdf2a5302"
            },
            "title": "first_integration",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd",
              "option_id": "6fc1ceba-39d6-4134-a8cc-208452bab9b6"
            },
            "title": "data_imported",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd",
              "option_id": "1aa2a325-dae6-41be-a699-cbbe10e4734b"
            },
            "title": "team_invited",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "793bde97-9836-41c0-b18e-28f35b6aa2fd",
              "option_id": "e3dba662-0fa2-49e0-9f3b-11d6759cd67c"
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
                "target_record_id": "d82e1562-3b9f-4b44-b93b-53d57f9a94b6"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6"
          },
          "created_at": "2026-12-01T10:51:08.126000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/7a93276e-781a-44ba-a408-f8ffb4a926f6",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "d82e1562-3b9f-4b44-b93b-53d57f9a94b6",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-05",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T10:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.126000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.126000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6",
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
          "parent_record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "e4a09952-a56d-455e-9dd7-18cd8737305d"
          },
          "parent_object": "people",
          "parent_record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.149000000Z"
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
        "parent_record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "e4a09952-a56d-455e-9dd7-18cd8737305d"
            },
            "parent_object": "people",
            "parent_record_id": "7a93276e-781a-44ba-a408-f8ffb4a926f6",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.149000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "8e9ee9fb-f830-42e2-9010-9abe30797eaa"
          },
          "created_at": "2026-12-01T10:51:08.253000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/8e9ee9fb-f830-42e2-9010-9abe30797eaa",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.253000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "Johnson Orbital",
                "attribute_type": "text"
              }
            ],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.253000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.253000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-06T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.253000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.253000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.253000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8",
              "option_id": "feb10f8d-968e-4f1c-acc9-e0f4abcda1b2"
            },
            "title": "cold",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8",
              "option_id": "2cd4c2d5-8ffe-4a26-b0b8-ad1ad2404fb8"
            },
            "title": "warm",
            "is_archived": false
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8",
              "option_id": "eb6c7337-c050-4fd8-b1bd-7c6389632d28"
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
                "target_record_id": "8e9ee9fb-f830-42e2-9010-9abe30797eaa"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63"
          },
          "created_at": "2026-12-01T10:51:08.283000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/a2b8f2df-d092-4bfd-ae57-85178419eb63",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "8e9ee9fb-f830-42e2-9010-9abe30797eaa",
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
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 70,
                "attribute_type": "number"
              }
            ],
            "pql_tier": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "option": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                    "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8",
                    "option_id": "eb6c7337-c050-4fd8-b1bd-7c6389632d28"
                  },
                  "title": "hot",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_explanation": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100",
                "attribute_type": "text"
              }
            ],
            "pql_scored_at": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-07",
                "attribute_type": "date"
              }
            ],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-06T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.283000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.283000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
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
          "parent_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "5a887f91-6762-467f-8f2f-e3b0fa047f6e"
          },
          "parent_object": "people",
          "parent_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
          "title": "PQL Qualified",
          "meeting_id": null,
          "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.311000000Z"
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
        "parent_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "5a887f91-6762-467f-8f2f-e3b0fa047f6e"
            },
            "parent_object": "people",
            "parent_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
            "title": "PQL Qualified",
            "meeting_id": null,
            "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.311000000Z"
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "workspace_member_id": "1a188b73-9361-4177-ab1b-e693b4a66030"
            },
            "first_name": "Avery",
            "last_name": "Admin",
            "avatar_url": null,
            "email_address": "admin@plg-demo.test",
            "created_at": "2026-12-01T10:51:07.656Z",
            "access_level": "admin"
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "workspace_member_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
            },
            "first_name": "Alex",
            "last_name": "Rivera",
            "avatar_url": null,
            "email_address": "alex.rivera@plg-demo.test",
            "created_at": "2026-12-01T10:51:07.656Z",
            "access_level": "member"
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "workspace_member_id": "4334ba9a-52fb-4562-9dfb-138c0f7644b6"
            },
            "first_name": "Sam",
            "last_name": "Chen",
            "avatar_url": null,
            "email_address": "sam.chen@plg-demo.test",
            "created_at": "2026-12-01T10:51:07.656Z",
            "access_level": "member"
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "workspace_member_id": "dc4efdb4-fd7e-4565-bd45-42f9dc709ccf"
            },
            "first_name": "Jordan",
            "last_name": "Patel",
            "avatar_url": null,
            "email_address": "jordan.patel@plg-demo.test",
            "created_at": "2026-12-01T10:51:07.656Z",
            "access_level": "member"
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "f20c7e3f-0e7c-4700-a505-1a3f4abf4eb3"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "23ca5df1-0837-4d57-b701-41e4d882b29d"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "afa59f20-c63e-41ac-8bfd-917d206236fa"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "68af7644-c131-4548-af4a-9f82df84456d"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "attribute_id": "7d2e3e2b-10ee-421a-8d27-52793a9b941f"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "f21779e9-6bbc-41ae-8fed-0e744c606cf3"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "13d1c90c-183a-48a4-b428-57667bf3f3ee"
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
                "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
                "attribute_id": "ea557eb1-a60f-4c22-8ed4-737e261c8084"
              }
            },
            "created_at": "2026-12-01T10:51:07.656Z",
            "config": {
              "currency": {
                "default_currency_code": null,
                "display_type": null
              },
              "record_reference": {
                "allowed_object_ids": [
                  "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b"
                ]
              }
            }
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "efdef8c0-5cbf-4a24-bf8e-ea687f8174bd"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "fda7d29a-a4fd-4671-bd9a-e6a1cb3a6ae7"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "8e680b31-88c1-4c6c-81eb-3b66f79c664b"
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
            "created_at": "2026-12-01T10:51:07.656Z",
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
      "url": "https://api.attio.com/v2/objects/deals/records/query",
      "method": "POST",
      "data": {
        "filter": {
          "plg_deal_key": "pql:company:8e9ee9fb-f830-42e2-9010-9abe30797eaa"
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "f3390536-bd50-452e-8555-50837fc2c32a"
            },
            "title": "Lead",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "7270c726-c18a-4a63-ab01-e4a946833fb0"
            },
            "title": "Product Qualified",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "24bc989f-5eb8-47ae-9fd0-e52638c76fee"
            },
            "title": "Sales Qualified",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "2d202a91-294c-4977-a7cc-dc4b68e2b4fe"
            },
            "title": "In Progress",
            "is_archived": false,
            "celebration_enabled": false,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "9440ab78-5f1c-49de-8d14-ed03432952d0"
            },
            "title": "Won 🎉",
            "is_archived": false,
            "celebration_enabled": true,
            "target_time_in_status": null
          },
          {
            "id": {
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
              "status_id": "d52fa68e-3b08-47b3-898c-f0bddf967690"
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
                "target_record_id": "8e9ee9fb-f830-42e2-9010-9abe30797eaa"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63"
              }
            ],
            "plg_deal_key": [
              "pql:company:8e9ee9fb-f830-42e2-9010-9abe30797eaa"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
            "record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506"
          },
          "created_at": "2026-12-01T10:51:08.365000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/ca5f02bd-c486-4f37-935f-a4bdb588b506",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "PQL - Johnson Orbital",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "status": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                    "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
                    "status_id": "7270c726-c18a-4a63-ab01-e4a946833fb0"
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
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [],
            "associated_people": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "people",
                "target_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "8e9ee9fb-f830-42e2-9010-9abe30797eaa",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "pql:company:8e9ee9fb-f830-42e2-9010-9abe30797eaa",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.365000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.365000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "linked_record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506",
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
              "target_record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506"
            },
            {
              "target_object": "people",
              "target_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "task_id": "7214c907-2e52-413b-a58c-d2ac71bf76a4"
          },
          "content_plaintext": "PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "deadline_at": "2024-11-08T09:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "target_record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506"
            },
            {
              "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "target_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.382000000Z"
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
        "linked_record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "task_id": "7214c907-2e52-413b-a58c-d2ac71bf76a4"
            },
            "content_plaintext": "PQL Follow-up: Katherine Johnson at Johnson Orbital qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
            "deadline_at": "2024-11-08T09:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "target_record_id": "ca5f02bd-c486-4f37-935f-a4bdb588b506"
              },
              {
                "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "target_record_id": "a2b8f2df-d092-4bfd-ae57-85178419eb63"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.382000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "6893f27c-b462-4273-845f-94bf5e49fde7"
          },
          "created_at": "2026-12-01T10:51:08.415000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/6893f27c-b462-4273-845f-94bf5e49fde7",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.415000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.415000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.415000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-08T15:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.415000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.415000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.415000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "9814f010-3840-4b03-a954-ef7a8e2b8a90"
          },
          "created_at": "2026-12-01T10:51:08.428000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/9814f010-3840-4b03-a954-ef7a8e2b8a90",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.428000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.428000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.428000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.428000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
          "plg_deal_key": "enterprise-upgrade:company:9814f010-3840-4b03-a954-ef7a8e2b8a90"
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
                "target_record_id": "9814f010-3840-4b03-a954-ef7a8e2b8a90"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "6893f27c-b462-4273-845f-94bf5e49fde7"
              }
            ],
            "plg_deal_key": [
              "enterprise-upgrade:company:9814f010-3840-4b03-a954-ef7a8e2b8a90"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
            "record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc"
          },
          "created_at": "2026-12-01T10:51:08.451000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "Enterprise Upgrade - hamilton-systems.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "status": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                    "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
                    "status_id": "24bc989f-5eb8-47ae-9fd0-e52638c76fee"
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
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "currency_value": 24000,
                "currency_code": "USD",
                "attribute_type": "currency"
              }
            ],
            "associated_people": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "people",
                "target_record_id": "6893f27c-b462-4273-845f-94bf5e49fde7",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "9814f010-3840-4b03-a954-ef7a8e2b8a90",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "enterprise-upgrade:company:9814f010-3840-4b03-a954-ef7a8e2b8a90",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.451000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.451000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "linked_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
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
              "target_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc"
            },
            {
              "target_object": "people",
              "target_record_id": "6893f27c-b462-4273-845f-94bf5e49fde7"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "task_id": "ea92f6bf-9084-4c7b-bd32-fd187d8ea9d1"
          },
          "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "deadline_at": "2024-11-09T15:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "target_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc"
            },
            {
              "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "target_record_id": "6893f27c-b462-4273-845f-94bf5e49fde7"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.458000000Z"
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
        "linked_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "task_id": "ea92f6bf-9084-4c7b-bd32-fd187d8ea9d1"
            },
            "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
            "deadline_at": "2024-11-09T15:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "target_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc"
              },
              {
                "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "target_record_id": "6893f27c-b462-4273-845f-94bf5e49fde7"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.458000000Z"
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
            "target_record_id": "9814f010-3840-4b03-a954-ef7a8e2b8a90"
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
        "parent_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
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
          "parent_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "fb2a9757-154b-4708-b216-b4e352723f09"
          },
          "parent_object": "deals",
          "parent_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
          "title": "PLG Handoff Context",
          "meeting_id": null,
          "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.501000000Z"
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
        "parent_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "fb2a9757-154b-4708-b216-b4e352723f09"
            },
            "parent_object": "deals",
            "parent_record_id": "2d51591b-5cd7-4cc3-a4d3-f5d257bc71cc",
            "title": "PLG Handoff Context",
            "meeting_id": null,
            "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.501000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "183227f3-d961-4b61-9de5-00e55361d51d"
          },
          "created_at": "2026-12-01T10:51:08.527000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/183227f3-d961-4b61-9de5-00e55361d51d",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T11:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.527000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.527000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "183227f3-d961-4b61-9de5-00e55361d51d",
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
          "parent_record_id": "183227f3-d961-4b61-9de5-00e55361d51d",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "b0ec601f-ec10-4714-abe6-5d5862ab50f9"
          },
          "parent_object": "people",
          "parent_record_id": "183227f3-d961-4b61-9de5-00e55361d51d",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.539000000Z"
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
        "parent_record_id": "183227f3-d961-4b61-9de5-00e55361d51d",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "b0ec601f-ec10-4714-abe6-5d5862ab50f9"
            },
            "parent_object": "people",
            "parent_record_id": "183227f3-d961-4b61-9de5-00e55361d51d",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.539000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2"
          },
          "created_at": "2026-12-01T10:51:08.551000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T12:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.551000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.551000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
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
          "parent_record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "65c9ad7d-6607-40a0-a6af-d284a453dac5"
          },
          "parent_object": "people",
          "parent_record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.556000000Z"
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
        "parent_record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "65c9ad7d-6607-40a0-a6af-d284a453dac5"
            },
            "parent_object": "people",
            "parent_record_id": "6ac69704-83a0-493a-9fe4-5b3d852e4cf2",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.556000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "027c9dae-569f-491e-afa4-315e55527fb5"
          },
          "created_at": "2026-12-01T10:51:08.600000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/027c9dae-569f-491e-afa4-315e55527fb5",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.600000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.600000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.600000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.600000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
                "target_record_id": "027c9dae-569f-491e-afa4-315e55527fb5"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "04b16e5d-21ec-44b6-b624-aa8426e05b15"
          },
          "created_at": "2026-12-01T10:51:08.605000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/04b16e5d-21ec-44b6-b624-aa8426e05b15",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Ada",
                "last_name": "Lovelace",
                "full_name": "Ada Lovelace",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "027c9dae-569f-491e-afa4-315e55527fb5",
                "attribute_type": "record-reference"
              }
            ],
            "job_title": [],
            "linkedin": [],
            "associated_deals": [],
            "associated_users": [],
            "signup_date": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "signup_source": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "website",
                "attribute_type": "text"
              }
            ],
            "plan_type": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "option": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                    "attribute_id": "42bff2c7-5f5a-46f7-b939-d8ff65c08804",
                    "option_id": "afbe4696-051e-47e2-ac3e-27c7d76bb082"
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
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.605000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.605000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "921dc521-2645-48f7-a388-3f9cc715d259"
          },
          "created_at": "2026-12-01T10:51:08.635000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/921dc521-2645-48f7-a388-3f9cc715d259",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Grace",
                "last_name": "Hopper",
                "full_name": "Grace Hopper",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-05",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-05T10:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.635000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.635000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "921dc521-2645-48f7-a388-3f9cc715d259",
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
          "parent_record_id": "921dc521-2645-48f7-a388-3f9cc715d259",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "02fb1b9a-4c66-4608-9944-75436ab9d26a"
          },
          "parent_object": "people",
          "parent_record_id": "921dc521-2645-48f7-a388-3f9cc715d259",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.640000000Z"
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
        "parent_record_id": "921dc521-2645-48f7-a388-3f9cc715d259",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "02fb1b9a-4c66-4608-9944-75436ab9d26a"
            },
            "parent_object": "people",
            "parent_record_id": "921dc521-2645-48f7-a388-3f9cc715d259",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "content_markdown": "Milestone: first_integration\nTimestamp: 2024-11-05T10:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:first_integration",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.640000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "504a8487-fee7-47ea-abef-dd90d050da3c"
          },
          "created_at": "2026-12-01T10:51:08.651000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/504a8487-fee7-47ea-abef-dd90d050da3c",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Katherine",
                "last_name": "Johnson",
                "full_name": "Katherine Johnson",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 70,
                "attribute_type": "number"
              }
            ],
            "pql_tier": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "option": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                    "attribute_id": "e656fc20-f3d4-478a-8dc6-e7dd5d31e1e8",
                    "option_id": "eb6c7337-c050-4fd8-b1bd-7c6389632d28"
                  },
                  "title": "hot",
                  "is_archived": false
                },
                "attribute_type": "select"
              }
            ],
            "pql_explanation": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100",
                "attribute_type": "text"
              }
            ],
            "pql_scored_at": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "pql_qualified_at": [],
            "last_activity_date": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-07",
                "attribute_type": "date"
              }
            ],
            "activation_score": [],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-07T09:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.651000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.651000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
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
          "parent_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "172b4f40-7299-4efd-a419-b81717014c9a"
          },
          "parent_object": "people",
          "parent_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
          "title": "PQL Qualified",
          "meeting_id": null,
          "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.659000000Z"
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
        "parent_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "172b4f40-7299-4efd-a419-b81717014c9a"
            },
            "parent_object": "people",
            "parent_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
            "title": "PQL Qualified",
            "meeting_id": null,
            "content_plaintext": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "content_markdown": "PQL score: 70/100 (hot), threshold 60\nQualified at: 2024-11-07T09:00:00.000Z\nWhy: Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100\nattio-plg key: pql-qualified",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.659000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "427c14c8-ea4d-469a-b4db-1efc79761637"
          },
          "created_at": "2026-12-01T10:51:08.782000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/427c14c8-ea4d-469a-b4db-1efc79761637",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.782000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.782000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
          "plg_deal_key": "pql:company:427c14c8-ea4d-469a-b4db-1efc79761637"
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
                "target_record_id": "427c14c8-ea4d-469a-b4db-1efc79761637"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c"
              }
            ],
            "plg_deal_key": [
              "pql:company:427c14c8-ea4d-469a-b4db-1efc79761637"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
            "record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514"
          },
          "created_at": "2026-12-01T10:51:08.797000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/d847a953-dacb-40f2-8ef5-ca5988bf4514",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "PQL - p-johnson-orbital.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "status": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                    "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
                    "status_id": "7270c726-c18a-4a63-ab01-e4a946833fb0"
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
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [],
            "associated_people": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "people",
                "target_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "427c14c8-ea4d-469a-b4db-1efc79761637",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "pql:company:427c14c8-ea4d-469a-b4db-1efc79761637",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.797000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.797000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "linked_record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514",
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
              "target_record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514"
            },
            {
              "target_object": "people",
              "target_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "task_id": "bcada67e-dbf5-4b17-85e3-d9fe712216d1"
          },
          "content_plaintext": "PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
          "deadline_at": "2024-11-08T09:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "target_record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514"
            },
            {
              "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "target_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.830000000Z"
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
        "linked_record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "task_id": "bcada67e-dbf5-4b17-85e3-d9fe712216d1"
            },
            "content_plaintext": "PQL Follow-up: Katherine Johnson at p-johnson-orbital.io qualified with PQL score 70/100 (hot). Logins (7d) 9>=5 +10, Features activated 4>=3 +15, Team invites 3>=2 +20, Integration connected 1>=1 +25, Records imported 40<100 +0, Active days (14d) 5<7 +0 — score 70/100 [attio-plg key: pql-follow-up]",
            "deadline_at": "2024-11-08T09:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "target_record_id": "d847a953-dacb-40f2-8ef5-ca5988bf4514"
              },
              {
                "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "target_record_id": "504a8487-fee7-47ea-abef-dd90d050da3c"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.830000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138"
          },
          "created_at": "2026-12-01T10:51:08.854000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/36a8dbcd-e0da-400e-b688-d63fc284d138",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.854000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Margaret",
                "last_name": "Hamilton",
                "full_name": "Margaret Hamilton",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:08.854000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.854000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-08T15:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.854000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.854000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.854000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "d11bedfe-bd6d-4d18-8f54-ec448ec7b08b",
            "record_id": "cc7d0593-7d89-468d-ab9b-f2e112cc60cb"
          },
          "created_at": "2026-12-01T10:51:08.882000000Z",
          "web_url": "https://app.attio.com/plg-demo/companies/cc7d0593-7d89-468d-ab9b-f2e112cc60cb",
          "values": {
            "name": [],
            "domains": [
              {
                "active_from": "2026-12-01T10:51:08.882000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:08.882000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.882000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.882000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
          "plg_deal_key": "enterprise-upgrade:company:cc7d0593-7d89-468d-ab9b-f2e112cc60cb"
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
                "target_record_id": "cc7d0593-7d89-468d-ab9b-f2e112cc60cb"
              }
            ],
            "associated_people": [
              {
                "target_object": "people",
                "target_record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138"
              }
            ],
            "plg_deal_key": [
              "enterprise-upgrade:company:cc7d0593-7d89-468d-ab9b-f2e112cc60cb"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
            "record_id": "a43ade76-848a-4539-868b-3c38210b52e7"
          },
          "created_at": "2026-12-01T10:51:08.896000000Z",
          "web_url": "https://app.attio.com/plg-demo/deals/a43ade76-848a-4539-868b-3c38210b52e7",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "Enterprise Upgrade - p-hamilton-systems.io",
                "attribute_type": "text"
              }
            ],
            "stage": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "status": {
                  "id": {
                    "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
                    "object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                    "attribute_id": "10938cbc-9e6f-4aeb-99e5-f9d338508786",
                    "status_id": "24bc989f-5eb8-47ae-9fd0-e52638c76fee"
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
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79",
                "attribute_type": "actor-reference"
              }
            ],
            "value": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "currency_value": 24000,
                "currency_code": "USD",
                "attribute_type": "currency"
              }
            ],
            "associated_people": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "people",
                "target_record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138",
                "attribute_type": "record-reference"
              }
            ],
            "associated_company": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "target_object": "companies",
                "target_record_id": "cc7d0593-7d89-468d-ab9b-f2e112cc60cb",
                "attribute_type": "record-reference"
              }
            ],
            "plg_deal_key": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "enterprise-upgrade:company:cc7d0593-7d89-468d-ab9b-f2e112cc60cb",
                "attribute_type": "text"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:08.896000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:08.896000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "linked_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
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
              "target_record_id": "a43ade76-848a-4539-868b-3c38210b52e7"
            },
            {
              "target_object": "people",
              "target_record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "task_id": "f0d8d8fa-5323-4125-9893-1aa549e1ff95"
          },
          "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
          "deadline_at": "2024-11-09T15:00:00.000000000Z",
          "is_completed": false,
          "linked_records": [
            {
              "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
              "target_record_id": "a43ade76-848a-4539-868b-3c38210b52e7"
            },
            {
              "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
              "target_record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138"
            }
          ],
          "assignees": [
            {
              "referenced_actor_type": "workspace-member",
              "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
            }
          ],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.956000000Z"
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
        "linked_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "task_id": "f0d8d8fa-5323-4125-9893-1aa549e1ff95"
            },
            "content_plaintext": "PLG -> Sales Handoff (Demo Requested): Margaret Hamilton at p-hamilton-systems.io asked for sales: schedule discovery and confirm the upgrade path. Reason: SSO and audit logs [attio-plg key: handoff:Demo Requested]",
            "deadline_at": "2024-11-09T15:00:00.000000000Z",
            "is_completed": false,
            "linked_records": [
              {
                "target_object_id": "2a0e3103-9dc8-4a79-b317-474ca3dfa709",
                "target_record_id": "a43ade76-848a-4539-868b-3c38210b52e7"
              },
              {
                "target_object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
                "target_record_id": "36a8dbcd-e0da-400e-b688-d63fc284d138"
              }
            ],
            "assignees": [
              {
                "referenced_actor_type": "workspace-member",
                "referenced_actor_id": "395766ae-3bad-46bc-bc68-e36228b55d79"
              }
            ],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.956000000Z"
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
            "target_record_id": "cc7d0593-7d89-468d-ab9b-f2e112cc60cb"
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
        "parent_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
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
          "parent_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "4a9627f3-54c6-490f-bf3b-c21e9578fc6d"
          },
          "parent_object": "deals",
          "parent_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
          "title": "PLG Handoff Context",
          "meeting_id": null,
          "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:08.982000000Z"
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
        "parent_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "4a9627f3-54c6-490f-bf3b-c21e9578fc6d"
            },
            "parent_object": "deals",
            "parent_record_id": "a43ade76-848a-4539-868b-3c38210b52e7",
            "title": "PLG Handoff Context",
            "meeting_id": null,
            "content_plaintext": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "content_markdown": "Request: Demo Requested\nPQL Score: not scored\nActive Users: 0\nKey Features: none recorded\nTrial Start: unknown\nActivation: unknown\nDeal Value: 24000\nPlan: enterprise\nReason: SSO and audit logs\nLatest Score Explanation: none\nRecommended Approach: Enterprise motion: involve an executive sponsor, security review, multi-year terms\nattio-plg key: handoff:Demo Requested",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:08.982000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f"
          },
          "created_at": "2026-12-01T10:51:09.004000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/ac5c2ba1-cae9-4540-ad49-753a174e102f",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Alan",
                "last_name": "Turing",
                "full_name": "Alan Turing",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T11:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:09.004000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:09.004000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f",
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
          "parent_record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "73039c4e-a352-4e4a-9758-85725b147733"
          },
          "parent_object": "people",
          "parent_record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:09.018000000Z"
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
        "parent_record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "73039c4e-a352-4e4a-9758-85725b147733"
            },
            "parent_object": "people",
            "parent_record_id": "ac5c2ba1-cae9-4540-ad49-753a174e102f",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T11:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:09.018000000Z"
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "object_id": "f21779e9-6bbc-41ae-8fed-0e744c606cf3",
            "record_id": "bdf09953-de99-44aa-b360-cafb5032748d"
          },
          "created_at": "2026-12-01T10:51:09.047000000Z",
          "web_url": "https://app.attio.com/plg-demo/people/bdf09953-de99-44aa-b360-cafb5032748d",
          "values": {
            "name": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "first_name": "Barbara",
                "last_name": "Liskov",
                "full_name": "Barbara Liskov",
                "attribute_type": "personal-name"
              }
            ],
            "email_addresses": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
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
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04",
                "attribute_type": "date"
              }
            ],
            "activation_score": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": 0.2,
                "attribute_type": "number"
              }
            ],
            "milestones_completed": [],
            "profile_updated_at": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2024-11-04T12:00:00.000000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_at": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "value": "2026-12-01T10:51:09.047000000Z",
                "attribute_type": "timestamp"
              }
            ],
            "created_by": [
              {
                "active_from": "2026-12-01T10:51:09.047000000Z",
                "active_until": null,
                "created_by_actor": {
                  "type": "api-token",
                  "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
                },
                "referenced_actor_type": "api-token",
                "referenced_actor_id": "ce21cdaa-c849-4334-82f7-1b947597e267",
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
        "parent_record_id": "bdf09953-de99-44aa-b360-cafb5032748d",
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
          "parent_record_id": "bdf09953-de99-44aa-b360-cafb5032748d",
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
            "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
            "note_id": "149de07f-6329-4a85-94d9-bc64f74c3d03"
          },
          "parent_object": "people",
          "parent_record_id": "bdf09953-de99-44aa-b360-cafb5032748d",
          "title": "Activation Milestone",
          "meeting_id": null,
          "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
          "tags": [],
          "created_by_actor": {
            "type": "api-token",
            "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
          },
          "created_at": "2026-12-01T10:51:09.053000000Z"
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
        "parent_record_id": "bdf09953-de99-44aa-b360-cafb5032748d",
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
              "workspace_id": "f0175f78-346b-4e93-8a66-2895e585888f",
              "note_id": "149de07f-6329-4a85-94d9-bc64f74c3d03"
            },
            "parent_object": "people",
            "parent_record_id": "bdf09953-de99-44aa-b360-cafb5032748d",
            "title": "Activation Milestone",
            "meeting_id": null,
            "content_plaintext": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "content_markdown": "Milestone: data_imported\nTimestamp: 2024-11-04T12:00:00.000Z\nDays since signup: unknown\nattio-plg key: milestone:data_imported",
            "tags": [],
            "created_by_actor": {
              "type": "api-token",
              "id": "ce21cdaa-c849-4334-82f7-1b947597e267"
            },
            "created_at": "2026-12-01T10:51:09.053000000Z"
          }
        ]
      }
    }
  }
];

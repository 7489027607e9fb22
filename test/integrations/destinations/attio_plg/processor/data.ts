/** attio_plg processor cases in rudder-transformer's format; outputs recorded by test/integrations/support/record.ts. */
import type { ProcessorTestData } from '../../../testTypes';
import { authHeader1, secret1 } from '../maskedSecrets';

export const data: ProcessorTestData[] = [
  {
    id: 'attio_plg-processor-signup',
    name: 'attio_plg',
    description: 'Signed Up from a work email: the person, their company and a trial list entry',
    scenario: 'signup',
    successCriteria:
      'Reads and id-producing writes happen in the transformer; the remaining idempotent writes come back as the batchedRequest of a 200',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-signup-1',
              anonymousId: 'anon_p_ada',
              userId: 'usr_p_ada',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-04T09:00:00.000Z',
              sentAt: '2024-11-04T09:00:00.000Z',
              receivedAt: '2024-11-04T09:00:00.000Z',
              timestamp: '2024-11-04T09:00:00.000Z',
              rudderId: 'rudder-usr_p_ada',
              event: 'Signed Up',
              properties: {
                plan: 'trial',
                source: 'website',
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'ada@p-lovelace-analytics.io',
                  firstName: 'Ada',
                  lastName: 'Lovelace',
                },
              },
            },
            metadata: {
              jobId: 12,
              messageId: 'processor-signup-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            output: {
              version: '1',
              type: 'REST',
              method: 'PUT',
              endpoint: 'https://api.attio.com/v2/lists/active_trials/entries',
              endpointPath: '/v2/lists/active_trials/entries',
              userId: '',
              headers: {
                Authorization: authHeader1,
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
              params: {},
              body: {
                JSON: {
                  data: {
                    parent_record_id: '1187a03f-9dc8-4da3-b5c1-498d7436609b',
                    parent_object: 'people',
                    entry_values: {
                      trial_started_at: ['2024-11-04T09:00:00.000Z'],
                    },
                  },
                },
                JSON_ARRAY: {},
                XML: {},
                FORM: {},
              },
              files: {},
            },
            metadata: {
              jobId: 12,
              messageId: 'processor-signup-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 200,
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-milestone',
    name: 'attio_plg',
    description: 'Integration Connected for a person known by email',
    scenario: 'milestone',
    successCriteria:
      'The person’s milestones and activation score are written once, with one Activation Milestone note',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-milestone-2',
              anonymousId: 'anon_p_grace',
              userId: 'usr_p_grace',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-05T10:00:00.000Z',
              sentAt: '2024-11-05T10:00:00.000Z',
              receivedAt: '2024-11-05T10:00:00.000Z',
              timestamp: '2024-11-05T10:00:00.000Z',
              rudderId: 'rudder-usr_p_grace',
              event: 'Integration Connected',
              properties: {
                integration: 'slack',
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'grace@p-hopper-labs.io',
                  firstName: 'Grace',
                  lastName: 'Hopper',
                },
              },
            },
            metadata: {
              jobId: 13,
              messageId: 'processor-milestone-2',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            output: {
              version: '1',
              type: 'REST',
              method: 'PATCH',
              endpoint:
                'https://api.attio.com/v2/objects/people/records/7cc213d8-81df-4918-bb4c-78ea255aa642',
              endpointPath: '/v2/objects/people/records/:id',
              userId: '',
              headers: {
                Authorization: authHeader1,
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
              params: {},
              body: {
                JSON: {
                  data: {
                    values: {
                      milestones_completed: ['first_integration'],
                    },
                  },
                },
                JSON_ARRAY: {},
                XML: {},
                FORM: {},
              },
              files: {},
            },
            metadata: {
              jobId: 13,
              messageId: 'processor-milestone-2',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 200,
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-pql',
    name: 'attio_plg',
    description: 'a Usage Summary whose signals qualify the user as a PQL',
    scenario: 'pql-qualification',
    successCriteria:
      'Score and tier written; on first qualification a PQL deal, a pql_queue entry, a follow-up task and a PQL Qualified note',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-pql-2',
              anonymousId: 'anon_p_katherine',
              userId: 'usr_p_katherine',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-07T09:00:00.000Z',
              sentAt: '2024-11-07T09:00:00.000Z',
              receivedAt: '2024-11-07T09:00:00.000Z',
              timestamp: '2024-11-07T09:00:00.000Z',
              rudderId: 'rudder-usr_p_katherine',
              event: 'Usage Summary',
              properties: {
                logins_7d: 9,
                features_activated: 4,
                team_invites: 3,
                integrations_connected: 1,
                records_imported: 40,
                active_days_14d: 5,
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'katherine@p-johnson-orbital.io',
                  firstName: 'Katherine',
                  lastName: 'Johnson',
                },
              },
            },
            metadata: {
              jobId: 14,
              messageId: 'processor-pql-2',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            output: {
              version: '1',
              type: 'REST',
              method: 'PUT',
              endpoint: 'https://api.attio.com/v2/lists/pql_queue/entries',
              endpointPath: '/v2/lists/pql_queue/entries',
              userId: '',
              headers: {
                Authorization: authHeader1,
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
              params: {},
              body: {
                JSON: {
                  data: {
                    parent_record_id: '5c72de05-734a-4448-ad27-06832bb21272',
                    parent_object: 'people',
                    entry_values: {
                      pql_score: [70],
                    },
                  },
                },
                JSON_ARRAY: {},
                XML: {},
                FORM: {},
              },
              files: {},
            },
            metadata: {
              jobId: 14,
              messageId: 'processor-pql-2',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 200,
          },
          {
            output: {
              version: '1',
              type: 'REST',
              method: 'PATCH',
              endpoint:
                'https://api.attio.com/v2/objects/people/records/5c72de05-734a-4448-ad27-06832bb21272',
              endpointPath: '/v2/objects/people/records/:id',
              userId: '',
              headers: {
                Authorization: authHeader1,
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
              params: {},
              body: {
                JSON: {
                  data: {
                    values: {
                      company: [
                        {
                          target_object: 'companies',
                          target_record_id: 'c2d63021-db8f-4580-a5bf-08ae8bd620b9',
                        },
                      ],
                      pql_qualified_at: ['2024-11-07T09:00:00.000Z'],
                    },
                  },
                },
                JSON_ARRAY: {},
                XML: {},
                FORM: {},
              },
              files: {},
            },
            metadata: {
              jobId: 14,
              messageId: 'processor-pql-2',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 200,
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-handoff',
    name: 'attio_plg',
    description: 'Demo Requested with a deal value: the sales handoff',
    scenario: 'handoff',
    successCriteria:
      'One Enterprise Upgrade deal at the handoff stage with its value, a handoff task and a PLG Handoff Context note',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-handoff-1',
              anonymousId: 'anon_p_margaret',
              userId: 'usr_p_margaret',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-08T15:00:00.000Z',
              sentAt: '2024-11-08T15:00:00.000Z',
              receivedAt: '2024-11-08T15:00:00.000Z',
              timestamp: '2024-11-08T15:00:00.000Z',
              rudderId: 'rudder-usr_p_margaret',
              event: 'Demo Requested',
              properties: {
                value: 24000,
                plan: 'enterprise',
                reason: 'SSO and audit logs',
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'margaret@p-hamilton-systems.io',
                  firstName: 'Margaret',
                  lastName: 'Hamilton',
                },
              },
            },
            metadata: {
              jobId: 15,
              messageId: 'processor-handoff-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            output: {
              version: '1',
              type: 'REST',
              method: 'PATCH',
              endpoint:
                'https://api.attio.com/v2/objects/people/records/86f066a8-1db8-4080-be6c-6f8edbfb653a',
              endpointPath: '/v2/objects/people/records/:id',
              userId: '',
              headers: {
                Authorization: authHeader1,
                'Content-Type': 'application/json',
                Accept: 'application/json',
              },
              params: {},
              body: {
                JSON: {
                  data: {
                    values: {
                      company: [
                        {
                          target_object: 'companies',
                          target_record_id: 'b1de0cb6-5b4c-402f-bc56-b6737f047eb3',
                        },
                      ],
                    },
                  },
                },
                JSON_ARRAY: {},
                XML: {},
                FORM: {},
              },
              files: {},
            },
            metadata: {
              jobId: 15,
              messageId: 'processor-handoff-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 200,
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-ignored',
    name: 'attio_plg',
    description: 'a track event outside the tracking plan',
    scenario: 'filtered',
    successCriteria:
      'InstrumentationError 400, as rudder-transformer’s destinations answer an event they do not map, and no call to Attio',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-ignored-1',
              anonymousId: 'anon_p_edsger',
              userId: 'usr_p_edsger',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-08T16:00:00.000Z',
              sentAt: '2024-11-08T16:00:00.000Z',
              receivedAt: '2024-11-08T16:00:00.000Z',
              timestamp: '2024-11-08T16:00:00.000Z',
              rudderId: 'rudder-usr_p_edsger',
              event: 'Page Scrolled',
              properties: {
                depth: 80,
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'edsger@p-dijkstra-paths.io',
                  firstName: 'Edsger',
                  lastName: 'Dijkstra',
                },
              },
            },
            metadata: {
              jobId: 16,
              messageId: 'processor-ignored-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            metadata: {
              jobId: 16,
              messageId: 'processor-ignored-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 400,
            error:
              'Event "Page Scrolled" is not in the tracking plan: no workflow routes it. Aborting message.',
            statTags: {
              errorCategory: 'dataValidation',
              errorType: 'instrumentation',
              destType: 'ATTIO_PLG',
              module: 'destination',
              implementation: 'native',
              feature: 'processor',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
            },
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-invalid',
    name: 'attio_plg',
    description: 'Signed Up with an email that is not one',
    scenario: 'invalid-event',
    successCriteria: 'InstrumentationError 400 naming traits.email, and no call to Attio',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-invalid-1',
              anonymousId: 'anon_p_edsger',
              userId: 'usr_p_edsger',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-08T16:00:00.000Z',
              sentAt: '2024-11-08T16:00:00.000Z',
              receivedAt: '2024-11-08T16:00:00.000Z',
              timestamp: '2024-11-08T16:00:00.000Z',
              rudderId: 'rudder-usr_p_edsger',
              event: 'Signed Up',
              properties: {
                plan: 'trial',
              },
              context: {
                traits: {
                  email: 'not-an-email',
                },
              },
            },
            metadata: {
              jobId: 17,
              messageId: 'processor-invalid-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            metadata: {
              jobId: 17,
              messageId: 'processor-invalid-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 400,
            error: 'context.traits.email: must be a valid email address',
            statTags: {
              errorCategory: 'dataValidation',
              errorType: 'instrumentation',
              destType: 'ATTIO_PLG',
              module: 'destination',
              implementation: 'native',
              feature: 'processor',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
            },
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-throttled-read',
    name: 'attio_plg',
    description: 'Data Imported, and Attio answers 429 to the transformer’s first read',
    scenario: 'attio-throttled',
    successCriteria: 'ThrottledError 429, so rudder-server retries the job later',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-throttled-1',
              anonymousId: 'anon_p_alan',
              userId: 'usr_p_alan',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-04T11:00:00.000Z',
              sentAt: '2024-11-04T11:00:00.000Z',
              receivedAt: '2024-11-04T11:00:00.000Z',
              timestamp: '2024-11-04T11:00:00.000Z',
              rudderId: 'rudder-usr_p_alan',
              event: 'Data Imported',
              properties: {
                rows: 1200,
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'alan@p-turing-compute.io',
                  firstName: 'Alan',
                  lastName: 'Turing',
                },
              },
            },
            metadata: {
              jobId: 18,
              messageId: 'processor-throttled-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            metadata: {
              jobId: 18,
              messageId: 'processor-throttled-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 429,
            error:
              'Attio POST /v2/objects/people/records/query failed (429 rate_limit_exceeded): Rate limit exceeded, please try again later',
            statTags: {
              errorCategory: 'network',
              errorType: 'throttled',
              destType: 'ATTIO_PLG',
              module: 'destination',
              implementation: 'native',
              feature: 'processor',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
            },
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-unavailable-read',
    name: 'attio_plg',
    description: 'Data Imported, and Attio answers 503 to the transformer’s first read',
    scenario: 'attio-unavailable',
    successCriteria: 'RetryableError 500, so rudder-server retries the job later',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-unavailable-1',
              anonymousId: 'anon_p_barbara',
              userId: 'usr_p_barbara',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-04T12:00:00.000Z',
              sentAt: '2024-11-04T12:00:00.000Z',
              receivedAt: '2024-11-04T12:00:00.000Z',
              timestamp: '2024-11-04T12:00:00.000Z',
              rudderId: 'rudder-usr_p_barbara',
              event: 'Data Imported',
              properties: {
                rows: 300,
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'barbara@p-liskov-data.io',
                  firstName: 'Barbara',
                  lastName: 'Liskov',
                },
              },
            },
            metadata: {
              jobId: 19,
              messageId: 'processor-unavailable-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-1',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            metadata: {
              jobId: 19,
              messageId: 'processor-unavailable-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 500,
            error:
              'Attio POST /v2/objects/people/records/query failed (503 service_unavailable): Service temporarily unavailable',
            statTags: {
              errorCategory: 'network',
              errorType: 'retryable',
              destType: 'ATTIO_PLG',
              module: 'destination',
              implementation: 'native',
              feature: 'processor',
              destinationId: 'attio-plg-dest-1',
              workspaceId: 'rudder-workspace-1',
            },
          },
        ],
      },
    },
  },
  {
    id: 'attio_plg-processor-bad-config',
    name: 'attio_plg',
    description: 'a destination whose scoring weights add up to 90',
    scenario: 'configuration',
    successCriteria: 'ConfigurationError 400 naming scoringSignals, and no call to Attio',
    feature: 'processor',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: [
          {
            message: {
              type: 'track',
              messageId: 'processor-bad-config-1',
              anonymousId: 'anon_p_edsger',
              userId: 'usr_p_edsger',
              channel: 'web',
              integrations: {
                All: true,
              },
              originalTimestamp: '2024-11-04T13:00:00.000Z',
              sentAt: '2024-11-04T13:00:00.000Z',
              receivedAt: '2024-11-04T13:00:00.000Z',
              timestamp: '2024-11-04T13:00:00.000Z',
              rudderId: 'rudder-usr_p_edsger',
              event: 'Signed Up',
              properties: {
                plan: 'trial',
              },
              context: {
                library: {
                  name: 'RudderLabs JavaScript SDK',
                  version: '3.7.0',
                },
                traits: {
                  email: 'edsger@p-dijkstra-paths.io',
                  firstName: 'Edsger',
                  lastName: 'Dijkstra',
                },
              },
            },
            metadata: {
              jobId: 20,
              messageId: 'processor-bad-config-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-2',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            destination: {
              ID: 'attio-plg-dest-2',
              Name: 'Attio PLG',
              Enabled: true,
              WorkspaceID: 'rudder-workspace-1',
              DestinationDefinition: {
                ID: 'attio-plg-definition',
                Name: 'ATTIO_PLG',
                DisplayName: 'Attio PLG',
                Config: {},
              },
              Transformations: [],
              Config: {
                apiKey: secret1,
                salesReps: [
                  {
                    email: 'alex.rivera@plg-demo.test',
                  },
                ],
                productObjects: 'off',
                pqlThreshold: '60',
                signupEvents: [
                  {
                    event: 'Signed Up',
                  },
                  {
                    event: 'Trial Started',
                  },
                ],
                connectionMode: 'cloud',
                consentManagement: [],
                scoringSignals: [
                  {
                    signal: 'logins_7d',
                    label: 'Logins',
                    weight: '40',
                    threshold: '5',
                  },
                  {
                    signal: 'team_invites',
                    label: 'Invites',
                    weight: '50',
                    threshold: '2',
                  },
                ],
              },
            },
          },
        ],
      },
    },
    output: {
      response: {
        status: 200,
        body: [
          {
            metadata: {
              jobId: 20,
              messageId: 'processor-bad-config-1',
              sourceId: 'source-web-1',
              sourceType: 'Javascript',
              destinationId: 'attio-plg-dest-2',
              workspaceId: 'rudder-workspace-1',
              destinationType: 'ATTIO_PLG',
            },
            statusCode: 400,
            error: 'Invalid Config: scoringSignals: weights must sum to 100, got 90',
            statTags: {
              errorCategory: 'dataValidation',
              errorType: 'configuration',
              destType: 'ATTIO_PLG',
              module: 'destination',
              implementation: 'native',
              feature: 'processor',
              destinationId: 'attio-plg-dest-2',
              workspaceId: 'rudder-workspace-1',
            },
          },
        ],
      },
    },
  },
];

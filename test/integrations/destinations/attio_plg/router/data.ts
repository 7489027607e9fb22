/** attio_plg router cases in rudder-transformer's format; outputs recorded by test/integrations/support/record.ts. */
import type { RouterTestData } from '../../../testTypes';
import { authHeader1, secret1 } from '../maskedSecrets';

export const data: RouterTestData[] = [
  {
    id: 'attio_plg-router-signup',
    name: 'attio_plg',
    description: 'Signed Up from a work email: the person, their company and a trial list entry',
    scenario: 'signup',
    successCriteria:
      'Reads and id-producing writes happen in the transformer; the remaining idempotent writes come back as the batchedRequest of a 200',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-signup-1',
                anonymousId: 'anon_ada',
                userId: 'usr_ada',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-04T09:00:00.000Z',
                sentAt: '2024-11-04T09:00:00.000Z',
                receivedAt: '2024-11-04T09:00:00.000Z',
                timestamp: '2024-11-04T09:00:00.000Z',
                rudderId: 'rudder-usr_ada',
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
                    email: 'ada@lovelace-analytics.io',
                    firstName: 'Ada',
                    lastName: 'Lovelace',
                  },
                },
              },
              metadata: {
                jobId: 1,
                userId: '<<>>anon_ada<<>>usr_ada',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              batchedRequest: [
                {
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
                        parent_record_id: 'd46fa268-1683-4e44-bd1f-116e3ee68a24',
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
              ],
              metadata: [
                {
                  jobId: 1,
                  userId: '<<>>anon_ada<<>>usr_ada',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 200,
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-milestone',
    name: 'attio_plg',
    description: 'identify then Integration Connected for one user in one request',
    scenario: 'milestone',
    successCriteria:
      'The person’s milestones and activation score are written once, with one Activation Milestone note',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'identify',
                messageId: 'router-milestone-1',
                anonymousId: 'anon_grace',
                userId: 'usr_grace',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-04T10:00:00.000Z',
                sentAt: '2024-11-04T10:00:00.000Z',
                receivedAt: '2024-11-04T10:00:00.000Z',
                timestamp: '2024-11-04T10:00:00.000Z',
                rudderId: 'rudder-usr_grace',
                context: {
                  library: {
                    name: 'RudderLabs JavaScript SDK',
                    version: '3.7.0',
                  },
                  traits: {
                    email: 'grace@hopper-labs.io',
                    firstName: 'Grace',
                    lastName: 'Hopper',
                    title: 'Staff Engineer',
                  },
                },
                traits: {
                  email: 'grace@hopper-labs.io',
                  firstName: 'Grace',
                  lastName: 'Hopper',
                  title: 'Staff Engineer',
                },
              },
              metadata: {
                jobId: 2,
                userId: '<<>>anon_grace<<>>usr_grace',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
            {
              message: {
                type: 'track',
                messageId: 'router-milestone-2',
                anonymousId: 'anon_grace',
                userId: 'usr_grace',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-05T10:00:00.000Z',
                sentAt: '2024-11-05T10:00:00.000Z',
                receivedAt: '2024-11-05T10:00:00.000Z',
                timestamp: '2024-11-05T10:00:00.000Z',
                rudderId: 'rudder-usr_grace',
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
                    email: 'grace@hopper-labs.io',
                    firstName: 'Grace',
                    lastName: 'Hopper',
                  },
                },
              },
              metadata: {
                jobId: 3,
                userId: '<<>>anon_grace<<>>usr_grace',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              batchedRequest: [
                {
                  version: '1',
                  type: 'REST',
                  method: 'PATCH',
                  endpoint:
                    'https://api.attio.com/v2/objects/people/records/3bc4ea2c-5a9c-4434-bf62-6e3b3b1d55ab',
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
              ],
              metadata: [
                {
                  jobId: 2,
                  userId: '<<>>anon_grace<<>>usr_grace',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
                {
                  jobId: 3,
                  userId: '<<>>anon_grace<<>>usr_grace',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: true,
              statusCode: 200,
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-pql',
    name: 'attio_plg',
    description: 'identify with a company, then a Usage Summary that qualifies the user as a PQL',
    scenario: 'pql-qualification',
    successCriteria:
      'Score and tier written; on first qualification a PQL deal, a pql_queue entry, a follow-up task and a PQL Qualified note',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'identify',
                messageId: 'router-pql-1',
                anonymousId: 'anon_katherine',
                userId: 'usr_katherine',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-06T09:00:00.000Z',
                sentAt: '2024-11-06T09:00:00.000Z',
                receivedAt: '2024-11-06T09:00:00.000Z',
                timestamp: '2024-11-06T09:00:00.000Z',
                rudderId: 'rudder-usr_katherine',
                context: {
                  library: {
                    name: 'RudderLabs JavaScript SDK',
                    version: '3.7.0',
                  },
                  traits: {
                    email: 'katherine@johnson-orbital.io',
                    firstName: 'Katherine',
                    lastName: 'Johnson',
                    company: {
                      name: 'Johnson Orbital',
                      website: 'https://johnson-orbital.io',
                    },
                  },
                },
                traits: {
                  email: 'katherine@johnson-orbital.io',
                  firstName: 'Katherine',
                  lastName: 'Johnson',
                  company: {
                    name: 'Johnson Orbital',
                    website: 'https://johnson-orbital.io',
                  },
                },
              },
              metadata: {
                jobId: 4,
                userId: '<<>>anon_katherine<<>>usr_katherine',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
            {
              message: {
                type: 'track',
                messageId: 'router-pql-2',
                anonymousId: 'anon_katherine',
                userId: 'usr_katherine',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-07T09:00:00.000Z',
                sentAt: '2024-11-07T09:00:00.000Z',
                receivedAt: '2024-11-07T09:00:00.000Z',
                timestamp: '2024-11-07T09:00:00.000Z',
                rudderId: 'rudder-usr_katherine',
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
                    email: 'katherine@johnson-orbital.io',
                    firstName: 'Katherine',
                    lastName: 'Johnson',
                  },
                },
              },
              metadata: {
                jobId: 5,
                userId: '<<>>anon_katherine<<>>usr_katherine',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              batchedRequest: [
                {
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
                        parent_record_id: 'dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
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
                {
                  version: '1',
                  type: 'REST',
                  method: 'PATCH',
                  endpoint:
                    'https://api.attio.com/v2/objects/people/records/dc70a1f7-6c75-45f6-9d97-ab4e1eb0ecc2',
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
              ],
              metadata: [
                {
                  jobId: 4,
                  userId: '<<>>anon_katherine<<>>usr_katherine',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
                {
                  jobId: 5,
                  userId: '<<>>anon_katherine<<>>usr_katherine',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: true,
              statusCode: 200,
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-handoff',
    name: 'attio_plg',
    description: 'Demo Requested with a deal value: the sales handoff',
    scenario: 'handoff',
    successCriteria:
      'One Enterprise Upgrade deal at the handoff stage with its value, a handoff task and a PLG Handoff Context note',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-handoff-1',
                anonymousId: 'anon_margaret',
                userId: 'usr_margaret',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-08T15:00:00.000Z',
                sentAt: '2024-11-08T15:00:00.000Z',
                receivedAt: '2024-11-08T15:00:00.000Z',
                timestamp: '2024-11-08T15:00:00.000Z',
                rudderId: 'rudder-usr_margaret',
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
                    email: 'margaret@hamilton-systems.io',
                    firstName: 'Margaret',
                    lastName: 'Hamilton',
                  },
                },
              },
              metadata: {
                jobId: 6,
                userId: '<<>>anon_margaret<<>>usr_margaret',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              batchedRequest: [
                {
                  version: '1',
                  type: 'REST',
                  method: 'PATCH',
                  endpoint:
                    'https://api.attio.com/v2/objects/people/records/b7c6f179-a924-4027-a690-7e62524a9867',
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
                              target_record_id: '7618723c-2af0-408e-8679-3ab41351f92a',
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
              ],
              metadata: [
                {
                  jobId: 6,
                  userId: '<<>>anon_margaret<<>>usr_margaret',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 200,
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-ignored',
    name: 'attio_plg',
    description: 'a track event outside the tracking plan',
    scenario: 'filtered',
    successCriteria: '298 (filtered), and no call to Attio',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-ignored-1',
                anonymousId: 'anon_edsger',
                userId: 'usr_edsger',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-08T16:00:00.000Z',
                sentAt: '2024-11-08T16:00:00.000Z',
                receivedAt: '2024-11-08T16:00:00.000Z',
                timestamp: '2024-11-08T16:00:00.000Z',
                rudderId: 'rudder-usr_edsger',
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
                    email: 'edsger@dijkstra-paths.io',
                    firstName: 'Edsger',
                    lastName: 'Dijkstra',
                  },
                },
              },
              metadata: {
                jobId: 7,
                userId: '<<>>anon_edsger<<>>usr_edsger',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              batchedRequest: [
                {
                  version: '1',
                  type: 'REST',
                  method: 'POST',
                  endpoint: 'https://api.attio.com',
                  endpointPath: 'none',
                  userId: '',
                  headers: {},
                  params: {},
                  body: {
                    JSON: {
                      reason:
                        'Event "Page Scrolled" is not in the tracking plan: no workflow routes it',
                      event: {
                        type: 'track',
                        messageId: 'router-ignored-1',
                        anonymousId: 'anon_edsger',
                        userId: 'usr_edsger',
                        channel: 'web',
                        integrations: {
                          All: true,
                        },
                        originalTimestamp: '2024-11-08T16:00:00.000Z',
                        sentAt: '2024-11-08T16:00:00.000Z',
                        receivedAt: '2024-11-08T16:00:00.000Z',
                        timestamp: '2024-11-08T16:00:00.000Z',
                        rudderId: 'rudder-usr_edsger',
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
                            email: 'edsger@dijkstra-paths.io',
                            firstName: 'Edsger',
                            lastName: 'Dijkstra',
                          },
                        },
                      },
                    },
                    JSON_ARRAY: {},
                    XML: {},
                    FORM: {},
                  },
                  files: {},
                },
              ],
              metadata: [
                {
                  jobId: 7,
                  userId: '<<>>anon_edsger<<>>usr_edsger',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 298,
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
              error: 'Event "Page Scrolled" is not in the tracking plan: no workflow routes it',
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-invalid',
    name: 'attio_plg',
    description: 'Signed Up with an email that is not one',
    scenario: 'invalid-event',
    successCriteria: 'InstrumentationError 400 naming traits.email, and no call to Attio',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-invalid-1',
                anonymousId: 'anon_edsger',
                userId: 'usr_edsger',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-08T16:00:00.000Z',
                sentAt: '2024-11-08T16:00:00.000Z',
                receivedAt: '2024-11-08T16:00:00.000Z',
                timestamp: '2024-11-08T16:00:00.000Z',
                rudderId: 'rudder-usr_edsger',
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
                jobId: 8,
                userId: '<<>>anon_edsger<<>>usr_edsger',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              metadata: [
                {
                  jobId: 8,
                  userId: '<<>>anon_edsger<<>>usr_edsger',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 400,
              error: 'context.traits.email: must be a valid email address',
              statTags: {
                errorCategory: 'dataValidation',
                errorType: 'instrumentation',
                destType: 'ATTIO_PLG',
                module: 'destination',
                implementation: 'native',
                feature: 'router',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
              },
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-throttled-read',
    name: 'attio_plg',
    description: 'Data Imported, and Attio answers 429 to the transformer’s first read',
    scenario: 'attio-throttled',
    successCriteria: 'ThrottledError 429, so rudder-server retries the job later',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-throttled-1',
                anonymousId: 'anon_alan',
                userId: 'usr_alan',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-04T11:00:00.000Z',
                sentAt: '2024-11-04T11:00:00.000Z',
                receivedAt: '2024-11-04T11:00:00.000Z',
                timestamp: '2024-11-04T11:00:00.000Z',
                rudderId: 'rudder-usr_alan',
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
                    email: 'alan@turing-compute.io',
                    firstName: 'Alan',
                    lastName: 'Turing',
                  },
                },
              },
              metadata: {
                jobId: 9,
                userId: '<<>>anon_alan<<>>usr_alan',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              metadata: [
                {
                  jobId: 9,
                  userId: '<<>>anon_alan<<>>usr_alan',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 429,
              error:
                'Attio POST /v2/objects/people/records/query failed (429 rate_limit_exceeded): Rate limit exceeded, please try again later',
              statTags: {
                errorCategory: 'network',
                errorType: 'throttled',
                destType: 'ATTIO_PLG',
                module: 'destination',
                implementation: 'native',
                feature: 'router',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
              },
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-unavailable-read',
    name: 'attio_plg',
    description: 'Data Imported, and Attio answers 503 to the transformer’s first read',
    scenario: 'attio-unavailable',
    successCriteria: 'RetryableError 500, so rudder-server retries the job later',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-unavailable-1',
                anonymousId: 'anon_barbara',
                userId: 'usr_barbara',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-04T12:00:00.000Z',
                sentAt: '2024-11-04T12:00:00.000Z',
                receivedAt: '2024-11-04T12:00:00.000Z',
                timestamp: '2024-11-04T12:00:00.000Z',
                rudderId: 'rudder-usr_barbara',
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
                    email: 'barbara@liskov-data.io',
                    firstName: 'Barbara',
                    lastName: 'Liskov',
                  },
                },
              },
              metadata: {
                jobId: 10,
                userId: '<<>>anon_barbara<<>>usr_barbara',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              metadata: [
                {
                  jobId: 10,
                  userId: '<<>>anon_barbara<<>>usr_barbara',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-1',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 500,
              error:
                'Attio POST /v2/objects/people/records/query failed (503 service_unavailable): Service temporarily unavailable',
              statTags: {
                errorCategory: 'network',
                errorType: 'retryable',
                destType: 'ATTIO_PLG',
                module: 'destination',
                implementation: 'native',
                feature: 'router',
                destinationId: 'attio-plg-dest-1',
                workspaceId: 'rudder-workspace-1',
              },
              destination: {
                ID: 'attio-plg-dest-1',
                Config: {
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
              },
            },
          ],
        },
      },
    },
  },
  {
    id: 'attio_plg-router-bad-config',
    name: 'attio_plg',
    description: 'a destination whose scoring weights add up to 90',
    scenario: 'configuration',
    successCriteria: 'ConfigurationError 400 naming scoringSignals, and no call to Attio',
    feature: 'router',
    module: 'destination',
    version: 'v0',
    input: {
      request: {
        method: 'POST',
        body: {
          input: [
            {
              message: {
                type: 'track',
                messageId: 'router-bad-config-1',
                anonymousId: 'anon_edsger',
                userId: 'usr_edsger',
                channel: 'web',
                integrations: {
                  All: true,
                },
                originalTimestamp: '2024-11-04T13:00:00.000Z',
                sentAt: '2024-11-04T13:00:00.000Z',
                receivedAt: '2024-11-04T13:00:00.000Z',
                timestamp: '2024-11-04T13:00:00.000Z',
                rudderId: 'rudder-usr_edsger',
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
                    email: 'edsger@dijkstra-paths.io',
                    firstName: 'Edsger',
                    lastName: 'Dijkstra',
                  },
                },
              },
              metadata: {
                jobId: 11,
                userId: '<<>>anon_edsger<<>>usr_edsger',
                sourceId: 'source-web-1',
                sourceCategory: '',
                destinationId: 'attio-plg-dest-2',
                workspaceId: 'rudder-workspace-1',
                attemptNum: 0,
                transformAt: 'router',
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
          destType: 'attio_plg',
        },
      },
    },
    output: {
      response: {
        status: 200,
        body: {
          output: [
            {
              metadata: [
                {
                  jobId: 11,
                  userId: '<<>>anon_edsger<<>>usr_edsger',
                  sourceId: 'source-web-1',
                  sourceCategory: '',
                  destinationId: 'attio-plg-dest-2',
                  workspaceId: 'rudder-workspace-1',
                  attemptNum: 0,
                  transformAt: 'router',
                },
              ],
              batched: false,
              statusCode: 400,
              error: 'Invalid Config: scoringSignals: weights must sum to 100, got 90',
              statTags: {
                errorCategory: 'dataValidation',
                errorType: 'configuration',
                destType: 'ATTIO_PLG',
                module: 'destination',
                implementation: 'native',
                feature: 'router',
                destinationId: 'attio-plg-dest-2',
                workspaceId: 'rudder-workspace-1',
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
    },
  },
];

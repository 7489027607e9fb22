// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The product workspace (account) ID.
   */
  group_id: string;
  /**
   * The company’s website or domain (reduced to its host, so it matches companies made from email domains).
   */
  domain?: string;
  /**
   * The company’s name.
   */
  name?: string;
  /**
   * The account’s plan (a plan_type option).
   */
  plan?: string;
  /**
   * The email of the person who made the call, to link them to the company.
   */
  email?: string;
  /**
   * The user who made the call, to link them to the company.
   */
  user_id?: string;
  /**
   * Account-level usage counts; when any is present the company gets an account score. Keys are the scoring model’s signal keys (logins_7d, features_activated, team_invites, integrations_connected, records_imported, active_days_14d); values are counts.
   */
  signals?: { logins_7d?: number; features_activated?: number; team_invites?: number; integrations_connected?: number; records_imported?: number; active_days_14d?: number; [k: string]: unknown };
  /**
   * More attributes to set on the Attio Company record: Attio attribute slug -> value (e.g. linkedin -> traits.linkedin).
   */
  company_attributes?: { [k: string]: unknown };
  /**
   * More attributes to set on the Attio Workspace record: Attio attribute slug -> value (e.g. linkedin -> traits.linkedin).
   */
  workspace_attributes?: { [k: string]: unknown };
  /**
   * The score (0 to 100) at which a person becomes a product-qualified lead.
   */
  pql_threshold?: number;
  /**
   * The usage signals a PQL score is made of. A signal adds its weight when its count reaches the threshold; the weights of all signals add up to 100. Use the same model in every action that scores.
   */
  scoring_model?: ({ key: string; label: string; weight: number; threshold: number })[];
  /**
   * What a free-mail address (gmail.com, outlook.com, ...) means for companies.
   */
  personal_domains?: string;
  /**
   * Further domains to treat as free-mail domains, beyond the maintained list (e.g. a test domain of your own).
   */
  extra_personal_domains?: string[];
  /**
   * Also write Attio Users (by user ID) and Workspaces (by workspace ID), and find people by user ID through Users.
   */
  product_objects?: string;
  /**
   * Reject events that would write attributes or options the workspace does not have, instead of leaving those values out with a warning.
   */
  strict?: boolean;
  /**
   * The idempotency key of the delivery: a batch applies each message ID once.
   */
  message_id: string;
  /**
   * When the event happened (ISO 8601 or epoch milliseconds): dates notes, tasks and scores.
   */
  timestamp: string | number;
  /**
   * Send events in batches: each event still gets its own status, and events about the same person or company keep their order.
   */
  enable_batching?: boolean;
  /**
   * The most events Segment sends in one batch.
   */
  batch_size?: number;
}

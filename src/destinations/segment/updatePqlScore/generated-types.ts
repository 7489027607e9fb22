// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The person’s email address: people are matched on it.
   */
  email?: string;
  /**
   * The product’s user ID: finds the person through the Attio Users object when there is no email.
   */
  user_id?: string;
  /**
   * The person’s full name.
   */
  name?: string;
  /**
   * The person’s first name.
   */
  first_name?: string;
  /**
   * The person’s last name.
   */
  last_name?: string;
  /**
   * The usage counts to score. Keys are the scoring model’s signal keys (logins_7d, features_activated, team_invites, integrations_connected, records_imported, active_days_14d); values are counts.
   */
  signals: { logins_7d?: number; features_activated?: number; team_invites?: number; integrations_connected?: number; records_imported?: number; active_days_14d?: number; [k: string]: unknown };
  /**
   * The Attio list qualified leads are added to. Empty: the PQL list setting.
   */
  pql_list?: string;
  /**
   * The stage of the PQL deal. Empty: the PQL deal stage setting.
   */
  pql_stage?: string;
  /**
   * Workspace members who receive deals and tasks (a stable hash of the account picks one). Empty: the Sales reps setting.
   */
  sales_reps?: string[];
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
   * Most events in one batch.
   */
  batch_size?: number;
}

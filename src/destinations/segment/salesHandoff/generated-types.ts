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
   * What was asked for (the track event name): one deal task per account and request.
   */
  event_name: string;
  /**
   * The expected deal value.
   */
  value?: number;
  /**
   * The plan asked for.
   */
  plan?: string;
  /**
   * Why they asked, in their words.
   */
  reason?: string;
  /**
   * The stage of the deal opened when a user asks for sales.
   */
  handoff_stage?: string;
  /**
   * Workspace members who receive deals and tasks; a stable hash of the account picks one. Empty: the member the API key acts for.
   */
  sales_reps?: string[];
  /**
   * Hours after the triggering event that follow-up tasks are due.
   */
  task_due_hours?: number;
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

// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The person’s email address: people are matched on it.
   */
  email: string;
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
   * The person’s job title.
   */
  title?: string;
  /**
   * The plan they signed up for (a plan_type option).
   */
  plan?: string;
  /**
   * When the account was created; the event’s timestamp when empty.
   */
  created_at?: string | number;
  /**
   * The company’s name, for a company created from the email domain.
   */
  company_name?: string;
  /**
   * The company’s website or domain (reduced to its host).
   */
  company_domain?: string;
  /**
   * The product workspace (account) the person belongs to.
   */
  workspace_id?: string;
  /**
   * Where the signup came from; "product" when empty.
   */
  signup_source?: string;
  /**
   * The Attio list signups are added to. Empty: the Trial list setting.
   */
  trial_list?: string;
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

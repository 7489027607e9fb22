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
   * The Attio list that signups are added to.
   */
  trial_list?: string;
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

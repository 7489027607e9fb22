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
   * The track event; names the milestone when Milestone is empty ("Onboarding Completed" -> onboarding_completed, "Integration Connected" -> first_integration, "Data Imported" -> data_imported, "Invite Sent" -> team_invited, "Feature Activated" -> feature_activated).
   */
  event_name?: string;
  /**
   * The milestone key (a milestones_completed option such as first_integration). Empty: from the event name.
   */
  milestone?: string;
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

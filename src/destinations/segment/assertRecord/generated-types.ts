// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * The object whose record to create or update.
   */
  object: string;
  /**
   * A unique attribute of the object: a record with the same value is updated instead of a new one created.
   */
  matching_attribute: string;
  /**
   * Values to set: Attio attribute slug -> value. Must include the matching attribute.
   */
  attributes: { [k: string]: unknown };
  /**
   * Reject events that would write attributes or options the workspace does not have, instead of leaving those values out with a warning.
   */
  strict?: boolean;
  /**
   * The idempotency key of the delivery: a batch applies each message ID once.
   */
  message_id?: string;
  /**
   * Send events in batches: each event still gets its own status, and events about the same person or company keep their order.
   */
  enable_batching?: boolean;
  /**
   * The most events Segment sends in one batch.
   */
  batch_size?: number;
}

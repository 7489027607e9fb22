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
   * The score (0 to 100) at which a person becomes a product-qualified lead.
   */
  pql_threshold?: number;
  /**
   * The usage signals a PQL score is made of. A signal adds its weight when its count reaches the threshold; the weights of all signals add up to 100. Use the same model in every action that scores.
   */
  scoring_model?: ({ key: string; label: string; weight: number; threshold: number })[];
  /**
   * The Attio list that product-qualified leads are added to when they first qualify.
   */
  pql_list?: string;
  /**
   * The stage of the deal opened when an account’s first person qualifies.
   */
  pql_stage?: string;
  /**
   * Workspace members who receive deals and tasks; a stable hash of the account picks one. Empty: the member the API key acts for.
   */
  sales_reps?: string[];
  /**
   * Hours after the triggering event that follow-up tasks are due.
   */
  task_due_hours?: number;
  /**
   * Also score each account (company) from all of its users, its fit and decay, and write the score, tier and explanation on the company. Always on when deals open on account qualification.
   */
  account_scoring?: boolean;
  /**
   * Which qualification opens an account’s one PQL deal: a user’s (the default), the account’s, or whichever comes first.
   */
  deal_trigger?: string;
  /**
   * The account score (0 to 100) at which an account becomes product-qualified.
   */
  account_threshold?: number;
  /**
   * A user’s signals count half after this many days, a quarter after twice as many. 0: no decay.
   */
  decay_half_life_days?: number;
  /**
   * Company attributes that add points when they match your ideal customer (from group traits). Their weights count in the account model’s 100.
   */
  fit_factors?: ({ factor: string; weight: number; values: string })[];
  /**
   * The points of each part of the account score; with the fit factors’ weights they add up to 100. Empty: the default model.
   */
  account_model?: { top_users_weight?: number; rank_weights?: string; active_seats_weight?: number; active_within_days?: number; min_seats?: number; feature_breadth_weight?: number };
  /**
   * Named bands of the user score, as the PQL tier options in Attio.
   */
  user_tiers?: ({ name: string; min: number })[];
  /**
   * Named bands of the account score, as the account tier options in Attio.
   */
  account_tiers?: ({ name: string; min: number })[];
  /**
   * Whose move from one tier to another raises a task for the owner.
   */
  tier_change_tasks?: string;
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

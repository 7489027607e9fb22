// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * An Attio access token with read-write access to records, list entries, notes and tasks, and read access to the workspace configuration.
   */
  apiKey: string;
  /**
   * The Attio API base URL. Only https, or http to this machine (a local Attio emulator).
   */
  apiUrl?: string;
  /**
   * The Attio list (slug or id) that signups are added to.
   */
  trialList?: string;
  /**
   * The Attio list (slug or id) that product-qualified leads are added to.
   */
  pqlList?: string;
  /**
   * The deal stage (status title) of the deal opened when an account first qualifies.
   */
  pqlStage?: string;
  /**
   * The deal stage (status title) of the deal opened when a user asks for sales.
   */
  handoffStage?: string;
  /**
   * The score (0-100) at which a person becomes a product-qualified lead.
   */
  pqlThreshold?: number;
  /**
   * The PQL scoring model as JSON: {"signals":[{"key":"logins_7d","label":"Logins (7d)","weight":10,"threshold":5}, ...]}; weights are whole numbers summing to 100. Leave empty for the default model.
   */
  scoringModel?: string;
  /**
   * Workspace-member emails, separated by commas; deals and tasks are assigned by a stable hash of the account. Empty: the member the API key acts for.
   */
  salesReps?: string;
  /**
   * Hours after the triggering event that follow-up tasks are due.
   */
  taskDueHours?: number;
  /**
   * skip-company: free-mail domains (gmail.com, ...) never create or link companies. allow-company: treat them like any domain.
   */
  personalDomains?: string;
  /**
   * Further domains, separated by commas, to treat as free-mail domains.
   */
  extraPersonalDomains?: string;
  /**
   * Also assert Attio Users (by user id) and Workspaces (by workspace id): on, off, or auto (when the workspace has those objects).
   */
  productObjects?: string;
  /**
   * A unique deal attribute to assert deals on. Empty: deals are found by a query before they are created.
   */
  dealMatchingAttribute?: string;
  /**
   * How long to wait for each Attio request before treating it as failed (Segment retries it). At most 10000, Segment’s own limit.
   */
  requestTimeoutMs?: number;
  /**
   * Reject events that would write attributes or options the workspace does not have, instead of leaving those values out with a warning.
   */
  strict?: boolean;
}

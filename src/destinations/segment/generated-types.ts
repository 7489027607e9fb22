// Generated from the field definitions by generate-types.ts. DO NOT MODIFY IT BY HAND.

export interface Settings {
  /**
   * An Attio access token (Workspace settings -> Developers) with read-write access to records, list entries, notes and tasks, and read access to the workspace’s objects, lists and members.
   */
  apiKey: string;
  /**
   * A unique attribute of your Attio deals to create-or-update deals on, for every action that opens one. Empty: a deal is looked up by its name and company before one is created.
   */
  dealMatchingAttribute?: string;
  /**
   * Attributes the sync writes even after a sales rep edited them in Attio, besides the defaults (usage signals, scores, milestones, plan). One `<object>.<attribute slug>` each, e.g. `people.job_title`.
   */
  productOwnedAttributes?: string[];
  /**
   * Attributes whose value a sales rep edited in Attio is never overwritten, besides the defaults (names, titles, deal stages, owners). One `<object>.<attribute slug>` each, e.g. `people.plan_type`.
   */
  repOwnedAttributes?: string[];
}

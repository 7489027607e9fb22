import type { EmployeeRange } from './scoring/fit.js';

/**
 * Typed workflow intents: what a Segment-spec event asks the CRM to do, after validation and normalisation.
 * Produced by pure mapping functions, consumed by the core workflows. Every timestamp is an ISO 8601 string.
 */

/** How the person is identified. At least one of the two is present; emails are trimmed and lowercased. */
export interface PersonKey {
  email?: string;
  userId?: string;
}

export interface PersonName {
  firstName?: string;
  lastName?: string;
  fullName: string;
}

/** Person attributes an event carries; every key is optional and only present keys are written. */
export interface PersonProfile {
  name?: PersonName;
  jobTitle?: string;
  plan?: string;
  /** YYYY-MM-DD */
  signupDate?: string;
  signupSource?: string;
  companyName?: string;
  /** Normalised host, e.g. `acme.com` (from traits.company.website|domain). */
  companyDomain?: string;
  /** Product workspace id (traits.company.id or context.groupId), for the Attio `workspaces` object. */
  workspaceId?: string;
}

/** Numeric usage signals keyed by the scoring model's signal keys (e.g. `logins_7d`). */
export type Signals = Record<string, number>;

interface IntentBase {
  /** Segment `messageId` (RudderStack `messageId`), the idempotency key of the delivery. */
  messageId: string;
  /** When the event happened (`timestamp`, else `originalTimestamp`, else `receivedAt`). */
  timestamp: string;
}

export interface IdentifyIntent extends IntentBase {
  kind: 'identify';
  person: PersonKey;
  profile: PersonProfile;
}

export interface SignupIntent extends IntentBase {
  kind: 'signup';
  person: PersonKey;
  profile: PersonProfile;
}

export interface MilestoneIntent extends IntentBase {
  kind: 'milestone';
  person: PersonKey;
  /** The person's name when the event repeats it (`context.traits`), so records made early still get one. */
  name?: PersonName;
  /** Milestone key, e.g. `first_integration`. */
  milestone: string;
}

export interface PqlIntent extends IntentBase {
  kind: 'pql';
  person: PersonKey;
  /** The person's name when the event repeats it (`context.traits`), so records made early still get one. */
  name?: PersonName;
  signals: Signals;
}

export interface HandoffIntent extends IntentBase {
  kind: 'handoff';
  person: PersonKey;
  /** The person's name when the event repeats it (`context.traits`), so records made early still get one. */
  name?: PersonName;
  /** The track event name that asked for the handoff, e.g. `Demo Requested`. */
  eventName: string;
  value?: number;
  plan?: string;
  reason?: string;
}

export interface GroupIntent extends IntentBase {
  kind: 'group';
  /** The product workspace / account id (`groupId`). */
  groupId: string;
  person?: PersonKey;
  company: {
    name?: string;
    /** Normalised host from traits.website|domain. */
    domain?: string;
    plan?: string;
    industry?: string;
    /** Attio's employee range for the `employees` trait, e.g. `51-250`. */
    employeeRange?: EmployeeRange;
    /** From `traits.address.country`, else `traits.country`, as sent (e.g. `US`, `Germany`). */
    country?: string;
  };
  /** Account-level signals (same keys as the scoring model) present in the group traits. */
  signals: Signals;
}

export type Intent = IdentifyIntent | SignupIntent | MilestoneIntent | PqlIntent | HandoffIntent | GroupIntent;

export type IntentKind = Intent['kind'];

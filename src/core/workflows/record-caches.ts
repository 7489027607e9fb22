/**
 * What this process last confirmed of the records it asserts by a unique value (companies by domain, users
 * by user_id, workspaces by workspace_id): their id and the values the connector writes. An unchanged value
 * is then neither written nor read again. Entries expire (another process or a person may change a record)
 * and are bounded in number; a write handed to a platform to deliver drops the entry, since this process
 * cannot know whether it landed. People are not cached across batches: the stale-score rule and the
 * completion markers are read fresh.
 */
import { expiringCache, type ExpiringCache } from '../cache.js';
import type { EmployeeRange, SignalReport } from '../scoring/index.js';

export interface CachedCompany {
  id: string;
  name?: string;
  plan?: string;
  pqlScore?: number;
  /** The account's fit facts and the group's own signals, when accounts are scored (../scoring). */
  industry?: string;
  employeeRange?: EmployeeRange;
  country?: string;
  report?: SignalReport;
  /** `account_updated_at`: when an event last changed what the connector writes of the company. */
  updatedAt?: string;
  /** Attributes of those above a rep wrote last that the product does not own (docs/ownership.md). */
  heldByReps?: string[];
}

export interface CachedUser {
  id: string;
  personId?: string;
  email?: string;
}

export interface CachedWorkspace {
  id: string;
  name?: string;
  companyId?: string;
  /** `name` and/or `company` when a rep wrote them last and the product does not own them. */
  heldByReps?: string[];
}

/** An account's score as Attio answered this process's own last write of it (./account.ts). */
export interface CachedAccountScore {
  score?: number;
  tier?: string;
  explanation?: string;
  scoredAt?: string;
  qualifiedAt?: string;
}

export interface RecordCaches {
  companies: ExpiringCache<CachedCompany>;
  /** By company record id; only writes this process sent itself (a platform's deliveries are not seen). */
  accounts: ExpiringCache<CachedAccountScore>;
  users: ExpiringCache<CachedUser>;
  workspaces: ExpiringCache<CachedWorkspace>;
}

/** Most records of each kind remembered; at about 200 bytes each, 10,000 stay well under 10 MB. */
export const RECORD_CACHE_ENTRIES = 10_000;

export function createRecordCaches(ttlSeconds: number, now?: () => number): RecordCaches {
  const options = { maxEntries: RECORD_CACHE_ENTRIES, ttlMs: ttlSeconds * 1000, ...(now ? { now } : {}) };
  return {
    companies: expiringCache(options),
    accounts: expiringCache(options),
    users: expiringCache(options),
    workspaces: expiringCache(options),
  };
}

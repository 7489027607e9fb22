/**
 * The workspace's schema — attributes, select options, statuses, lists, members, enabled objects — read
 * once and cached with a TTL, so that at steady state an event costs no metadata requests. Concurrent
 * callers share one in-flight read.
 */
import type { AttioClient, AttributeTarget } from '../attio/client.js';
import { AttioError } from '../attio/errors.js';
import type { AttioAttribute, AttioList, AttioWorkspaceMember } from '../attio/schemas.js';

interface CacheEntry<T> {
  value: Promise<T>;
  expiresAt: number;
}

/**
 * The cached reads themselves. Engines built per invocation (Segment gives each call its own `request`) can
 * share one store per workspace, so metadata is read once per TTL, not once per call.
 */
export type SchemaStore = Map<string, CacheEntry<unknown>>;

export function createSchemaStore(): SchemaStore {
  return new Map();
}

export interface WorkspaceSchemaOptions {
  ttlSeconds: number;
  now?: () => number;
  store?: SchemaStore;
}

export interface WorkspaceMemberSummary {
  id: string;
  email: string;
  name: string;
}

export class WorkspaceSchema {
  private readonly cache: SchemaStore;
  private readonly now: () => number;

  constructor(
    private readonly client: AttioClient,
    private readonly options: WorkspaceSchemaOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.cache = options.store ?? createSchemaStore();
  }

  /**
   * Attributes of an object (or, with `target` 'lists', a list's entry attributes) by api slug; an empty map
   * when the object or list does not exist in the workspace.
   */
  attributes(object: string, target: AttributeTarget = 'objects'): Promise<Map<string, AttioAttribute>> {
    return this.cached(`attributes:${target}:${object}`, async () => {
      try {
        const attributes = await this.client.listAttributes(target, object);
        return new Map(attributes.filter((a) => !a.is_archived).map((a) => [a.api_slug, a]));
      } catch (error) {
        if (error instanceof AttioError && error.status === 404) return new Map<string, AttioAttribute>();
        throw error;
      }
    });
  }

  /** Active option titles of a select attribute. */
  selectOptions(object: string, attribute: string, target: AttributeTarget = 'objects'): Promise<string[]> {
    return this.cached(`options:${target}:${object}.${attribute}`, async () => {
      const options = await this.client.listSelectOptions(target, object, attribute);
      return options.filter((o) => !o.is_archived).map((o) => o.title);
    });
  }

  /** Active status titles of a status attribute (deal stages). */
  statuses(object: string, attribute: string, target: AttributeTarget = 'objects'): Promise<string[]> {
    return this.cached(`statuses:${target}:${object}.${attribute}`, async () => {
      const statuses = await this.client.listStatuses(target, object, attribute);
      return statuses.filter((s) => !s.is_archived).map((s) => s.title);
    });
  }

  lists(): Promise<AttioList[]> {
    return this.cached('lists', () => this.client.listLists());
  }

  /** Finds a list by slug or id. */
  async findList(slugOrId: string): Promise<AttioList | undefined> {
    return (await this.lists()).find((l) => l.api_slug === slugOrId || l.id.list_id === slugOrId);
  }

  /** Api slugs of the objects enabled in the workspace. */
  objects(): Promise<Set<string>> {
    return this.cached('objects', async () => {
      const objects = await this.client.listObjects();
      return new Set(objects.map((o) => o.api_slug).filter((slug): slug is string => typeof slug === 'string'));
    });
  }

  members(): Promise<WorkspaceMemberSummary[]> {
    return this.cached('members', async () => {
      const members = await this.client.listWorkspaceMembers();
      return members.map(summariseMember);
    });
  }

  /** The workspace member the API token acts for: the default owner when no sales reps are configured. */
  tokenMember(): Promise<WorkspaceMemberSummary | undefined> {
    return this.cached('self', async () => {
      const self = await this.client.getSelf();
      const memberId = self.authorized_by_workspace_member_id;
      return (await this.members()).find((m) => m.id === memberId);
    });
  }

  /** Forgets everything: the next read goes to Attio. */
  invalidate(): void {
    this.cache.clear();
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.cache.get(key) as CacheEntry<T> | undefined;
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    const entry: CacheEntry<T> = { value, expiresAt: now + this.options.ttlSeconds * 1000 };
    this.cache.set(key, entry);
    // A failed read is not cached: the next caller tries again.
    value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    return value;
  }
}

function summariseMember(member: AttioWorkspaceMember): WorkspaceMemberSummary {
  return {
    id: member.id.workspace_member_id,
    email: member.email_address.toLowerCase(),
    name: `${member.first_name} ${member.last_name}`.trim(),
  };
}

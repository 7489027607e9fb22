/**
 * What reps did in Attio, as product events. An Attio event names what changed, never the new value, so
 * each one is read back: a deal's stage with its history (from → to), a task (completed now?), a merged
 * record. The connector's own changes are not the sales team's activity: its actor is learnt from values
 * only it writes (the deal key, a user's `user_id`, the marker on its tasks) and kept, and an event by that
 * actor is dropped.
 */
import { AttioError } from '../../../core/attio/errors.js';
import type { AttioClient } from '../../../core/attio/client.js';
import type { AttioRecord, AttioTask, AttioValue } from '../../../core/attio/schemas.js';
import { readRecordRef, readRecordRefs, readText, recordRef } from '../../../core/attio/values.js';
import {
  attioRecordEventSchema,
  attioRecordMergedEventSchema,
  attioTaskEventSchema,
  type AttioActor,
  type AttioRecordEvent,
  type AttioRecordMergedEvent,
  type AttioWebhookEvent,
} from './delivery-schema.js';
import type { LoopStore } from './loop-store.js';
import {
  productMessageId,
  type ProductEvent,
  type ProductEventName,
  type ProductEventProperties,
} from './product-events.js';

/** What serve is told after a merge, so that what the connector keeps follows the record that remains. */
export interface RecordsMerged {
  /** The object's api slug, e.g. `people`. */
  object: string;
  survivorRecordId: string;
  mergedRecordIds: string[];
}
export type OnRecordsMerged = (merge: RecordsMerged) => Promise<void> | void;

export interface ActivityOptions {
  client: AttioClient;
  store: LoopStore;
  wonStages: readonly string[];
  lostStages: readonly string[];
  /** The unique deal attribute only the connector writes (default `plg_deal_key`). */
  dealKeyAttribute?: string;
  onRecordsMerged: OnRecordsMerged;
  now?: () => number;
}

const CONNECTOR_ACTOR_FACT = 'connector-actor';
const TASK_MARKER = /\s*\[attio-plg key: ([^\]]+)\]$/;

interface Subject {
  personId?: string;
  companyId?: string;
}

export class AttioActivity {
  private objectSlugs: Map<string, string> | undefined;
  private stageAttributeId: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ActivityOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The product events of one Attio event (often none), and the changes they report (to be marked in the
   * transaction that stores them); merges also call the hook.
   */
  async productEventsOf(event: AttioWebhookEvent, idempotencyKey: string, index: number): Promise<Reported> {
    const make = (
      name: ProductEventName,
      subject: Subject & { ids: Ids },
      properties: ProductEventProperties,
      at?: string,
    ) => this.productEvent(name, subject, properties, productMessageId(idempotencyKey, index, name), at);
    // The union's catch-all member hides the known shapes from narrowing: each is parsed for what it is.
    const record = attioRecordEventSchema.safeParse(event);
    if (record.success && record.data.event_type === 'record.updated') return this.dealStageChanged(record.data, make);
    const task = attioTaskEventSchema.safeParse(event);
    if (task.success && task.data.event_type === 'task.updated')
      return this.taskCompleted(task.data.id.task_id, task.data.actor, make);
    const merged = attioRecordMergedEventSchema.safeParse(event);
    if (merged.success) return { events: await this.recordsMerged(merged.data, make), changes: [] };
    return NOTHING;
  }

  /** The connector's own actor, once learnt. */
  connectorActor(): AttioActor | undefined {
    const known = this.options.store.fact(CONNECTOR_ACTOR_FACT);
    return known === undefined ? undefined : (JSON.parse(known) as AttioActor);
  }

  private isConnector(actor: AttioActor | undefined): boolean {
    const own = this.connectorActor();
    return (
      own !== undefined && actor !== undefined && actor.type === own.type && (actor.id ?? null) === (own.id ?? null)
    );
  }

  /** Values only the connector writes tell its actor (an API token's). */
  private learnFrom(values: readonly AttioValue[] | undefined): void {
    const actor = values?.[0]?.created_by_actor as AttioActor | undefined;
    if (actor?.type !== 'api-token' || typeof actor.id !== 'string') return;
    const known = this.connectorActor();
    if (known?.id === actor.id) return;
    this.options.store.setFact(CONNECTOR_ACTOR_FACT, JSON.stringify({ type: actor.type, id: actor.id }));
  }

  private async dealStageChanged(event: AttioRecordEvent, make: Make): Promise<Reported> {
    const { object_id, record_id, attribute_id } = event.id;
    if ((await this.slugOf(object_id)) !== 'deals' || attribute_id !== (await this.stageAttribute())) return NOTHING;
    const deal = await this.options.client.getRecord('deals', record_id);
    this.learnFrom(deal.values[this.options.dealKeyAttribute ?? 'plg_deal_key']);
    if (this.isConnector(event.actor)) return NOTHING;
    const stages = await this.options.client.listRecordAttributeValues('deals', record_id, 'stage', {
      showHistoric: true,
    });
    const current = stages.filter((v) => v.active_until === null || v.active_until === undefined).at(-1);
    if (current === undefined || this.isConnector(current.created_by_actor as AttioActor)) return NOTHING;
    // Events are read back later: after two quick moves, both events find the latest; it is reported once.
    const change = `stage:${record_id}:${String(current.active_from)}`;
    if (this.options.store.isReported(change)) return NOTHING;
    const previous = stages
      .filter((v) => typeof v.active_until === 'string')
      .sort((a, b) => String(a.active_until).localeCompare(String(b.active_until)))
      .at(-1);
    const to = stageTitle(current);
    const from = (previous === undefined ? undefined : stageTitle(previous)) ?? null;
    if (to === undefined || to === from) return NOTHING;
    const subject = await this.dealSubject(deal);
    const at = typeof current.active_from === 'string' ? current.active_from : undefined;
    const properties = { from, to, dealName: readText(deal, 'name') ?? null, changedBy: event.actor.type };
    const events = [make('Deal Stage Changed', subject, properties, at)];
    const outcome = this.options.wonStages.includes(to)
      ? 'Deal Won'
      : this.options.lostStages.includes(to)
        ? 'Deal Lost'
        : undefined;
    if (outcome)
      events.push(
        make(outcome, subject, { stage: to, from, dealName: properties.dealName, changedBy: event.actor.type }, at),
      );
    return { events, changes: [change] };
  }

  private async taskCompleted(taskId: string, actor: AttioActor, make: Make): Promise<Reported> {
    let task: AttioTask;
    try {
      task = await this.options.client.getTask(taskId);
    } catch (error) {
      if (error instanceof AttioError && error.status === 404) return NOTHING; // deleted since: nothing to tell
      throw error;
    }
    const key = TASK_MARKER.exec(task.content_plaintext)?.[1];
    const ours = key !== undefined && task.created_by_actor?.type !== 'workspace-member';
    if (ours && task.created_by_actor) this.learnFrom([{ created_by_actor: task.created_by_actor }]);
    const change = `task:${taskId}`;
    if (!task.is_completed) {
      this.options.store.unreport(change);
      return NOTHING;
    }
    // Only the connector's follow-up tasks, completed by someone else, and only the move to completed.
    if (!ours || this.isConnector(actor) || this.options.store.isReported(change)) return NOTHING;
    const subject = await this.taskSubject(task);
    const completed = make('Sales Task Completed', subject, {
      attioTaskId: taskId,
      task: task.content_plaintext.replace(TASK_MARKER, ''),
      taskKey: key,
      completedBy: actor.type,
    });
    return { events: [completed], changes: [change] };
  }

  private async recordsMerged(event: AttioRecordMergedEvent, make: Make) {
    const object = await this.slugOf(event.id.object_id);
    if (object === undefined || this.isConnector(event.actor)) return [];
    const survivorRecordId = event.id.record_id;
    await this.options.onRecordsMerged({ object, survivorRecordId, mergedRecordIds: [event.duplicate_record_id] });
    let subject: Subject & { ids: Ids } = { ids: {} };
    if (object === 'deals')
      subject = await this.dealSubject(await this.options.client.getRecord('deals', survivorRecordId));
    else if (object === 'people') subject = await this.withIds({ personId: survivorRecordId });
    else if (object === 'companies') subject = await this.withIds({ companyId: survivorRecordId });
    return [
      make('Attio Records Merged', subject, {
        object,
        attioSurvivorRecordId: survivorRecordId,
        attioMergedRecordId: event.duplicate_record_id,
        mergedBy: event.actor.type,
      }),
    ];
  }

  private async dealSubject(deal: AttioRecord): Promise<Subject & { ids: Ids }> {
    const subject = await this.withIds({
      personId: readRecordRefs(deal, 'associated_people')[0],
      companyId: readRecordRef(deal, 'associated_company'),
    });
    return { ...subject, ids: { ...subject.ids, attioDealId: deal.id.record_id } };
  }

  private async taskSubject(task: AttioTask): Promise<Subject & { ids: Ids }> {
    for (const linked of task.linked_records) {
      const object = await this.slugOf(linked.target_object_id);
      if (object === 'deals')
        return this.dealSubject(await this.options.client.getRecord('deals', linked.target_record_id));
      if (object === 'people') return this.withIds({ personId: linked.target_record_id });
      if (object === 'companies') return this.withIds({ companyId: linked.target_record_id });
    }
    return { ids: {} };
  }

  /** The product's ids for a person and a company: their `users` and `workspaces` records, where there are any. */
  private async withIds(subject: Subject): Promise<Subject & { ids: Ids }> {
    const userId = subject.personId
      ? await this.productId('users', 'person', 'people', subject.personId, 'user_id')
      : undefined;
    const groupId = subject.companyId
      ? await this.productId('workspaces', 'company', 'companies', subject.companyId, 'workspace_id')
      : undefined;
    return {
      ...subject,
      ids: {
        ...(subject.personId ? { attioPersonId: subject.personId } : {}),
        ...(subject.companyId ? { attioCompanyId: subject.companyId } : {}),
        ...(userId ? { userId } : {}),
        ...(groupId ? { groupId } : {}),
      },
    };
  }

  private async productId(
    object: 'users' | 'workspaces',
    reference: string,
    target: string,
    recordId: string,
    idAttribute: string,
  ): Promise<string | undefined> {
    if (!(await this.slugs()).has(object)) return undefined;
    const [record] = await this.options.client.queryRecords(object, {
      filter: { [reference]: recordRef(target, recordId) },
      limit: 1,
    });
    if (record === undefined) return undefined;
    this.learnFrom(record.values[idAttribute]);
    return readText(record, idAttribute);
  }

  private productEvent(
    name: ProductEventName,
    subject: { ids: Ids },
    properties: ProductEventProperties,
    messageId: string,
    at: string | undefined,
  ): ProductEvent {
    const { userId, groupId, ...attioIds } = subject.ids;
    // Segment and RudderStack need an id: without a user id, the Attio record the event is most about.
    const anonymous = attioIds.attioPersonId
      ? `attio:people:${attioIds.attioPersonId}`
      : attioIds.attioCompanyId
        ? `attio:companies:${attioIds.attioCompanyId}`
        : attioIds.attioDealId
          ? `attio:deals:${attioIds.attioDealId}`
          : `attio:${messageId}`;
    return {
      type: 'track',
      messageId,
      event: name,
      ...(userId ? { userId } : { anonymousId: anonymous }),
      ...(groupId ? { groupId } : {}),
      timestamp: at ?? new Date(this.now()).toISOString(),
      properties: { ...properties, ...attioIds },
    };
  }

  private async slugs(): Promise<Map<string, string>> {
    if (this.objectSlugs === undefined) {
      const objects = await this.options.client.listObjects();
      this.objectSlugs = new Map();
      for (const object of objects) {
        if (!object.api_slug) continue;
        this.objectSlugs.set(object.id.object_id, object.api_slug);
        this.objectSlugs.set(object.api_slug, object.api_slug);
      }
    }
    return this.objectSlugs;
  }

  /** An event's object id (a uuid) as its slug. */
  private async slugOf(objectId: string): Promise<string | undefined> {
    return (await this.slugs()).get(objectId);
  }

  private async stageAttribute(): Promise<string | undefined> {
    this.stageAttributeId ??= (await this.options.client.listAttributes('objects', 'deals')).find(
      (a) => a.api_slug === 'stage',
    )?.id.attribute_id;
    return this.stageAttributeId;
  }
}

/** Product events, and the changes they report. */
export interface Reported {
  events: ProductEvent[];
  changes: string[];
}
const NOTHING: Reported = { events: [], changes: [] };

interface Ids {
  userId?: string;
  groupId?: string;
  attioPersonId?: string;
  attioCompanyId?: string;
  attioDealId?: string;
}

type Make = (
  name: ProductEventName,
  subject: Subject & { ids: Ids },
  properties: ProductEventProperties,
  at?: string,
) => ProductEvent;

function stageTitle(value: AttioValue): string | undefined {
  const title = (value.status as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title : undefined;
}

/**
 * Reads what the requirements ask about, and nothing else: the objects, their attributes, the options and
 * stages of the attributes that need them, the lists with their entry attributes, and the members. Reads
 * only; the plan is computed from this snapshot without further requests.
 */
import type { AttioClient } from '../attio/client.js';
import type {
  AttioAttribute,
  AttioList,
  AttioSelectOption,
  AttioSelf,
  AttioStatus,
  AttioWorkspaceMember,
} from '../attio/schemas.js';
import type { WorkspaceRequirements } from './requirements.js';

export interface WorkspaceSnapshot {
  self: AttioSelf;
  /** Api slugs of the enabled objects. */
  objects: Set<string>;
  /** Attributes of each object that was read, by object slug. */
  objectAttributes: Map<string, AttioAttribute[]>;
  /** Attributes of each list that was read, by the list's api slug. */
  listAttributes: Map<string, AttioAttribute[]>;
  /** Options of the select attributes that need some, by `object.attribute`. */
  options: Map<string, AttioSelectOption[]>;
  /** Deal stages, when deals have a status attribute `stage`. */
  stages?: AttioStatus[];
  lists: AttioList[];
  members: AttioWorkspaceMember[];
}

export const optionsKey = (object: string, attribute: string): string => `${object}.${attribute}`;

/** The list a setting names, by api slug or id. */
export function findList(lists: readonly AttioList[], slugOrId: string): AttioList | undefined {
  return lists.find((list) => list.api_slug === slugOrId || list.id.list_id === slugOrId);
}

export async function readWorkspace(
  client: AttioClient,
  requirements: WorkspaceRequirements,
  self: AttioSelf,
): Promise<WorkspaceSnapshot> {
  const [objectList, lists, members] = await Promise.all([
    client.listObjects(),
    client.listLists(),
    client.listWorkspaceMembers(),
  ]);
  const objects = new Set(objectList.map((o) => o.api_slug).filter((slug): slug is string => typeof slug === 'string'));

  const wanted = [...new Set(requirements.objects.map((o) => o.object))].filter((object) => objects.has(object));
  const objectAttributes = new Map(
    await Promise.all(wanted.map(async (object) => [object, await client.listAttributes('objects', object)] as const)),
  );

  const foundLists = [
    ...new Set(requirements.lists.map((r) => findList(lists, r.list)).filter((l): l is AttioList => l !== undefined)),
  ];
  const listAttributes = new Map(
    await Promise.all(
      foundLists.map(async (list) => [list.api_slug, await client.listAttributes('lists', list.api_slug)] as const),
    ),
  );

  const selects = requirements.attributes.filter(
    (r) => r.options && attributeOf(objectAttributes, r.object, r.definition.slug)?.type === 'select',
  );
  const options = new Map(
    await Promise.all(
      selects.map(
        async (r) =>
          [
            optionsKey(r.object, r.definition.slug),
            await client.listSelectOptions('objects', r.object, r.definition.slug),
          ] as const,
      ),
    ),
  );
  const stage = attributeOf(objectAttributes, 'deals', 'stage');
  const stages = stage?.type === 'status' ? await client.listStatuses('objects', 'deals', 'stage') : undefined;

  return { self, objects, objectAttributes, listAttributes, options, ...(stages ? { stages } : {}), lists, members };
}

function attributeOf(
  attributes: Map<string, AttioAttribute[]>,
  object: string,
  slug: string,
): AttioAttribute | undefined {
  return attributes.get(object)?.find((a) => a.api_slug === slug && !a.is_archived);
}

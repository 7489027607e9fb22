/**
 * The setup plan (pure): the requirements against a snapshot of the workspace, item by item. Items are in
 * the order setup carries them out: an attribute before its options, a list before its entry attributes.
 */
import type { AttioAttribute } from '../attio/schemas.js';
import { inAttio } from './attio-ui.js';
import { planAttribute } from './plan-attributes.js';
import type { PlanItem, SetupPlan } from './plan-types.js';
import type { ListRequirement, WorkspaceRequirements } from './requirements.js';
import { findList, optionsKey, type WorkspaceSnapshot } from './snapshot.js';

/** Attio's api_slug: snake case, lower-case words of letters and digits. */
const API_SLUG = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export function planSetup(requirements: WorkspaceRequirements, snapshot: WorkspaceSnapshot): SetupPlan {
  return {
    items: [
      ...planObjects(requirements, snapshot),
      ...planObjectAttributes(requirements, snapshot),
      ...planStages(requirements, snapshot),
      ...requirements.lists.flatMap((list) => planList(list, snapshot)),
      ...planOwners(requirements, snapshot),
    ],
  };
}

function planObjects(requirements: WorkspaceRequirements, snapshot: WorkspaceSnapshot): PlanItem[] {
  return requirements.objects.map((r): PlanItem => {
    const base = { key: `objects/${r.object}`, subject: r.object, need: `the ${r.object} object` };
    if (snapshot.objects.has(r.object)) return { ...base, state: 'exists', severity: 'required' };
    const optional = r.presence === 'if-enabled';
    return {
      ...base,
      state: 'manual',
      kind: 'missing-object',
      severity: optional ? 'recommended' : 'required',
      problem: `the ${r.object} object is not enabled: ${r.without}`,
      fix: `${inAttio.enableObject(r.object)} (the API cannot enable objects)${r.setting ? `, or set ${r.setting} to "${optional ? 'off' : 'auto'}"` : ''}; then run setup again for its attributes`,
    };
  });
}

function planObjectAttributes(requirements: WorkspaceRequirements, snapshot: WorkspaceSnapshot): PlanItem[] {
  return requirements.attributes.flatMap((r) => {
    const present = snapshot.objectAttributes.get(r.object);
    // An object that is not enabled has its own item; its attributes are planned once it is.
    if (present === undefined) return [];
    const presentOptions = snapshot.options.get(optionsKey(r.object, r.definition.slug));
    return planAttribute({
      target: 'objects',
      identifier: r.object,
      where: inAttio.objectAttributes(r.object),
      definition: r.definition,
      standard: r.standard,
      severity: r.severity,
      ...(r.without ? { without: r.without } : {}),
      ...(r.options ? { options: r.options } : {}),
      present,
      ...(presentOptions ? { presentOptions } : {}),
    }).map((item) => (r.setting && item.problem ? { ...item, problem: `${item.problem} (${r.setting})` } : item));
  });
}

function planStages(requirements: WorkspaceRequirements, snapshot: WorkspaceSnapshot): PlanItem[] {
  const { stages } = snapshot;
  // Without a status attribute `stage` on deals, that attribute's own item says what is wrong.
  if (stages === undefined) return [];
  const active = stages.filter((s) => !s.is_archived).map((s) => s.title);
  return requirements.stages.map((r): PlanItem => {
    const base = {
      key: `stages/${r.title}`,
      subject: r.setting,
      need: `deal stage "${r.title}"`,
      severity: 'required' as const,
    };
    const found = stages.find((s) => s.title === r.title && !s.is_archived) ?? stages.find((s) => s.title === r.title);
    if (found && !found.is_archived) return { ...base, state: 'exists' };
    if (found)
      return {
        ...base,
        state: 'manual',
        kind: 'archived-stage',
        problem: `deal stage "${r.title}" is archived`,
        fix: `restore it in Attio (${inAttio.dealStages}), or set ${r.setting} to one of: ${active.join(', ')}`,
      };
    return {
      ...base,
      state: 'create',
      kind: 'missing-stage',
      problem: `deal stage "${r.title}" does not exist; deals.stage has: ${active.join(', ') || '(none)'}`,
      fix: `add it in Attio (${inAttio.dealStages}), or set ${r.setting} to one of the stages`,
      action: { kind: 'create-status', object: 'deals', attribute: 'stage', status: { title: r.title } },
    };
  });
}

function planList(r: ListRequirement, snapshot: WorkspaceSnapshot): PlanItem[] {
  const base = {
    key: `lists/${r.list}`,
    subject: r.setting,
    need: `list "${r.list}" of people`,
    severity: 'required' as const,
  };
  const found = findList(snapshot.lists, r.list);
  const entryAttributes = (identifier: string, present: readonly AttioAttribute[], after?: string) =>
    r.attributes.flatMap((definition) =>
      planAttribute({
        target: 'lists',
        identifier,
        where: inAttio.listAttributes(found?.name ?? r.name),
        definition,
        standard: false,
        severity: 'required',
        present,
        ...(after ? { after } : {}),
      }),
    );

  if (found) {
    if (!found.parent_object.includes(r.parentObject)) {
      return [
        {
          ...base,
          state: 'conflict',
          kind: 'conflicting-list',
          problem: `list "${r.list}" holds ${found.parent_object.join(', ')}; the workflows add people to it`,
          fix: `set ${r.setting} to a list of people, or to a new slug for setup to create`,
        },
      ];
    }
    return [
      { ...base, state: 'exists' },
      ...entryAttributes(found.api_slug, snapshot.listAttributes.get(found.api_slug) ?? []),
    ];
  }
  if (!API_SLUG.test(r.list)) {
    return [
      {
        ...base,
        state: 'manual',
        kind: 'missing-list',
        problem: `no list has the slug or id "${r.list}"`,
        fix: `set ${r.setting} to the slug of a list of people, or to a new snake_case slug for setup to create`,
      },
    ];
  }
  const create: PlanItem = {
    ...base,
    state: 'create',
    kind: 'missing-list',
    problem: `list "${r.list}" does not exist`,
    fix: `create a list of people named "${r.name}" with slug ${r.list} in Attio (${inAttio.lists})`,
    action: {
      kind: 'create-list',
      list: {
        name: r.name,
        apiSlug: r.list,
        parentObject: r.parentObject,
        workspaceAccess: 'full-access',
        workspaceMemberAccess: [],
      },
    },
  };
  return [create, ...entryAttributes(r.list, [], create.key)];
}

function planOwners(requirements: WorkspaceRequirements, snapshot: WorkspaceSnapshot): PlanItem[] {
  const members = snapshot.members.map((m) => m.email_address.toLowerCase());
  if (requirements.salesReps.length === 0) {
    const own = snapshot.members.find(
      (m) => m.id.workspace_member_id === snapshot.self.authorized_by_workspace_member_id,
    );
    const base = {
      key: 'owners/token-member',
      subject: 'salesReps',
      need: 'an owner for deals and tasks (no sales reps: the token’s member)',
      severity: 'required' as const,
    };
    if (own) return [{ ...base, need: `${base.need}: ${own.email_address}`, state: 'exists' }];
    return [
      {
        ...base,
        state: 'manual',
        kind: 'missing-owner',
        problem: 'no sales reps are configured and the API token acts for no workspace member',
        fix: 'set salesReps to workspace-member emails',
      },
    ];
  }
  return requirements.salesReps.map((email): PlanItem => {
    const base = {
      key: `owners/${email}`,
      subject: 'salesReps',
      need: `sales rep ${email} is a workspace member`,
      severity: 'required' as const,
    };
    if (members.includes(email.toLowerCase())) return { ...base, state: 'exists' };
    return {
      ...base,
      state: 'manual',
      kind: 'missing-owner',
      problem: `"${email}" is not a member of this Attio workspace; members: ${members.join(', ')}`,
      fix: `invite them in Attio (${inAttio.members}), or remove them from salesReps`,
    };
  });
}

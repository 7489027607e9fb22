/** Attio's response shapes for workspace metadata: objects, attributes, options, statuses, lists, members. */
import type {
  AttributeDef,
  AttributeParent,
  ListDef,
  Member,
  ObjectDef,
  SelectOption,
  StatusOption,
  Workspace,
} from './model.js';

export function renderObject(ws: Workspace, object: ObjectDef): unknown {
  return {
    id: { workspace_id: ws.id, object_id: object.id },
    api_slug: object.slug,
    singular_noun: object.singularNoun,
    plural_noun: object.pluralNoun,
    created_at: object.createdAt,
  };
}

export function renderAttribute(ws: Workspace, parent: AttributeParent, attr: AttributeDef): unknown {
  const inverseObject = attr.inverse ? ws.objects.find((o) => o.slug === attr.inverse?.object) : undefined;
  const inverseAttribute = inverseObject?.attributes.find((a) => a.slug === attr.inverse?.attribute);
  return {
    // Attio names the owner `object_id` in attribute ids, for list attributes too (it holds the list id).
    id: { workspace_id: ws.id, object_id: parent.id, attribute_id: attr.id },
    title: attr.title,
    description: attr.description,
    api_slug: attr.slug,
    type: attr.type,
    is_system_attribute: attr.isSystem,
    is_writable: !attr.isSystem,
    is_required: attr.isRequired,
    is_unique: attr.isUnique,
    is_multiselect: attr.isMultiselect,
    is_default_value_enabled: attr.defaultValue !== null,
    is_archived: false,
    default_value: attr.defaultValue,
    relationship:
      inverseObject && inverseAttribute
        ? { id: { workspace_id: ws.id, object_id: inverseObject.id, attribute_id: inverseAttribute.id } }
        : null,
    created_at: attr.createdAt,
    config: {
      currency: { default_currency_code: attr.currencyCode, display_type: attr.currencyDisplay },
      record_reference: {
        allowed_object_ids:
          attr.type === 'record-reference'
            ? ws.objects.filter((o) => attr.allowedObjects.includes(o.slug)).map((o) => o.id)
            : null,
      },
    },
  };
}

function optionIds(ws: Workspace, parent: AttributeParent, attr: AttributeDef): Record<string, string> {
  return { workspace_id: ws.id, object_id: parent.id, attribute_id: attr.id };
}

export function renderOption(
  ws: Workspace,
  parent: AttributeParent,
  attr: AttributeDef,
  option: SelectOption,
): unknown {
  return {
    id: { ...optionIds(ws, parent, attr), option_id: option.id },
    title: option.title,
    is_archived: option.isArchived,
  };
}

export function renderStatus(
  ws: Workspace,
  parent: AttributeParent,
  attr: AttributeDef,
  status: StatusOption,
): unknown {
  return {
    id: { ...optionIds(ws, parent, attr), status_id: status.id },
    title: status.title,
    is_archived: status.isArchived,
    celebration_enabled: status.celebrationEnabled,
    target_time_in_status: status.targetTimeInStatus,
  };
}

export function renderList(ws: Workspace, list: ListDef): unknown {
  return {
    id: { workspace_id: ws.id, list_id: list.id },
    api_slug: list.slug,
    name: list.name,
    parent_object: [list.parentObject],
    workspace_access: list.workspaceAccess,
    workspace_member_access: list.workspaceMemberAccess,
    created_by_actor: list.createdBy,
    created_at: list.createdAt,
  };
}

export function renderMember(ws: Workspace, member: Member): unknown {
  return {
    id: { workspace_id: ws.id, workspace_member_id: member.id },
    first_name: member.firstName,
    last_name: member.lastName,
    avatar_url: null,
    email_address: member.email,
    created_at: member.createdAt,
    access_level: member.accessLevel,
  };
}

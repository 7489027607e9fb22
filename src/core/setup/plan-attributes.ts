/**
 * One attribute against the workspace (pure): exists, will be created, or conflicts with a user's attribute
 * of the same slug; and, for a select, each option it needs. Objects and lists share it.
 */
import type { AttributeTarget } from '../attio/client.js';
import type { AttioAttribute, AttioSelectOption } from '../attio/schemas.js';
import type { AttributeDefinition, OptionSet } from './attributes.js';
import type { PlanItem } from './plan-types.js';
import type { Severity } from './requirements.js';

export interface AttributeToPlan {
  target: AttributeTarget;
  /** Object slug, or the list's api slug. */
  identifier: string;
  /** Where a user finds these attributes in Attio. */
  where: string;
  definition: AttributeDefinition;
  standard: boolean;
  severity: Severity;
  /** What is lost without it, said with its problem. */
  without?: string;
  options?: OptionSet;
  /** Present attributes of the object or list (empty when it is still to be created). */
  present: readonly AttioAttribute[];
  /** Present options of this attribute, when it is a select that was read. */
  presentOptions?: readonly AttioSelectOption[];
  /** Key of the item that creates the parent (a list setup creates first). */
  after?: string;
}

export function describeAttribute(shape: { type: string; multi: boolean; unique: boolean }): string {
  const values = shape.type === 'select' || shape.multi ? `${shape.multi ? 'multi' : 'single'}-valued ` : '';
  return `${shape.unique ? 'unique ' : ''}${values}${shape.type} attribute`;
}

export function planAttribute(spec: AttributeToPlan): PlanItem[] {
  const { definition: def } = spec;
  const subject = `${spec.identifier}.${def.slug}`;
  const base = {
    key: `${spec.target}/${subject}`,
    subject,
    need: `${describeAttribute(def)} "${def.title}"`,
    severity: spec.severity,
  };
  const existing =
    spec.present.find((a) => a.api_slug === def.slug && !a.is_archived) ??
    spec.present.find((a) => a.api_slug === def.slug);

  if (existing === undefined) {
    if (spec.standard) {
      return [
        {
          ...base,
          state: 'manual',
          kind: 'missing-attribute',
          problem: `Attio’s own attribute ${subject} is missing`,
          fix: `restore it in Attio (${spec.where})`,
        },
      ];
    }
    const create: PlanItem = {
      ...base,
      state: 'create',
      kind: 'missing-attribute',
      problem: `${subject} does not exist${spec.without ? `: ${spec.without}` : ''}`,
      fix: `create it in Attio (${spec.where}) as a ${describeAttribute(def)} with slug ${def.slug}`,
      action: {
        kind: 'create-attribute',
        target: spec.target,
        identifier: spec.identifier,
        attribute: {
          title: def.title,
          apiSlug: def.slug,
          type: def.type,
          description: def.description,
          isUnique: def.unique,
          isMultiselect: def.multi,
          isRequired: false,
          config: {},
        },
      },
      ...(spec.after ? { after: spec.after } : {}),
    };
    return [create, ...planOptions(spec, subject, [], create.key)];
  }
  if (existing.is_archived) {
    return [
      {
        ...base,
        state: 'manual',
        kind: 'archived-attribute',
        problem: `${subject} is archived`,
        fix: `restore it in Attio (${spec.where} → archived attributes)`,
      },
    ];
  }
  const mismatch = mismatchOf(def, existing, spec.standard);
  if (mismatch !== undefined) {
    return [
      {
        ...base,
        state: 'conflict',
        kind: 'conflicting-attribute',
        problem: `${subject} is a ${mismatch}; the workflows need a ${describeAttribute(def)}${spec.without ? `: ${spec.without}` : ''}`,
        fix: `setup leaves attributes it did not make alone: in Attio (${spec.where}) give that attribute another slug or archive it, then run setup again`,
      },
    ];
  }
  return [{ ...base, state: 'exists' }, ...planOptions(spec, subject, spec.presentOptions ?? [])];
}

/** How `existing` differs from what the workflows write; undefined when it fits. Attio's own attributes are checked for type and uniqueness only. */
function mismatchOf(def: AttributeDefinition, existing: AttioAttribute, standard: boolean): string | undefined {
  const shape = { type: existing.type, multi: existing.is_multiselect, unique: existing.is_unique };
  if (existing.type !== def.type) return describeAttribute(shape);
  if (def.unique && !existing.is_unique) return describeAttribute(shape);
  if (standard) return undefined;
  if (existing.is_multiselect !== def.multi || existing.is_unique !== def.unique) return describeAttribute(shape);
  return undefined;
}

function planOptions(
  spec: AttributeToPlan,
  subject: string,
  present: readonly AttioSelectOption[],
  after?: string,
): PlanItem[] {
  const set = spec.options;
  if (!set) return [];
  // A starter set only fills an attribute without options: a product's own plan names are never added to.
  if (set.need === 'starter' && present.some((o) => !o.is_archived)) return [];
  return set.titles.map((title): PlanItem => {
    const base = {
      key: `${spec.target}/${subject}/options/${title}`,
      subject,
      need: `option "${title}"`,
      severity: spec.severity,
    };
    const from = set.setting ? ` (from ${set.setting})` : '';
    const where = `${spec.where} → ${spec.definition.title} → options`;
    const found = present.find((o) => o.title === title && !o.is_archived) ?? present.find((o) => o.title === title);
    if (found && !found.is_archived) return { ...base, state: 'exists' };
    if (found)
      return {
        ...base,
        state: 'manual',
        kind: 'archived-option',
        problem: `option "${title}"${from} of ${subject} is archived`,
        fix: `restore it in Attio (${where})`,
      };
    return {
      ...base,
      state: 'create',
      kind: 'missing-option',
      problem: `${subject} has no option "${title}"${from}`,
      fix: `add it in Attio (${where})`,
      action: {
        kind: 'create-option',
        target: spec.target,
        identifier: spec.identifier,
        attribute: spec.definition.slug,
        title,
      },
      ...(after ? { after } : {}),
    };
  });
}

/**
 * Checks values against the workspace schema before they are written: unknown custom attributes are left out
 * with a warning (a ConfigError in strict mode); unknown select options likewise; an unknown status title
 * (a deal stage from the configuration) is always a ConfigError that lists the valid titles.
 */
import { ConfigError } from '../errors.js';
import type { AttributeTarget } from '../attio/client.js';
import type { WorkspaceSchema } from './workspace-schema.js';

export interface PrepareOptions {
  strict: boolean;
  warn(message: string): void;
  /** The setting to blame when a status title is unknown, e.g. `pqlStage`. */
  statusSetting?: string;
  /** `lists`: the values are a list entry's (`object` is then the list's slug). Default `objects`. */
  target?: AttributeTarget;
}

export async function prepareValues(
  schema: WorkspaceSchema,
  object: string,
  input: Record<string, unknown[]>,
  options: PrepareOptions,
): Promise<Record<string, unknown[]>> {
  const target = options.target ?? 'objects';
  const attributes = await schema.attributes(object, target);
  const out: Record<string, unknown[]> = {};
  for (const [slug, values] of Object.entries(input)) {
    const attribute = attributes.get(slug);
    if (!attribute) {
      const reason = `attribute "${slug}" does not exist on ${object} in this Attio workspace`;
      if (options.strict) throw new ConfigError(`${object}.${slug}`, `${reason} (strict mode)`);
      options.warn(`${reason}; its value was left out`);
      continue;
    }
    if (attribute.type === 'status') {
      const titles = await schema.statuses(object, slug, target);
      const unknown = values.filter((v) => typeof v === 'string' && !titles.includes(v));
      if (unknown.length > 0) {
        throw new ConfigError(
          options.statusSetting ?? `${object}.${slug}`,
          `unknown ${slug} "${String(unknown[0])}"; valid titles: ${titles.join(', ')}`,
        );
      }
    } else if (attribute.type === 'select') {
      const titles = await schema.selectOptions(object, slug, target);
      const known = values.filter((v) => typeof v !== 'string' || titles.includes(v));
      if (known.length < values.length) {
        const first = values.find((v) => !known.includes(v));
        const reason = `"${String(first)}" is not an option of ${object}.${slug}; valid options: ${titles.join(', ')}`;
        if (options.strict) throw new ConfigError(`${object}.${slug}`, reason);
        options.warn(`${reason}; the value was left out`);
        if (known.length === 0) continue;
      }
      out[slug] = known;
      continue;
    }
    out[slug] = values;
  }
  return out;
}

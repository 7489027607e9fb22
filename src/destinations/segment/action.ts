/**
 * An action as this destination writes it — its fields, how a payload becomes intents, the dropdowns of its
 * own fields — and the one function that turns it into Segment's ActionDefinition for a host: perform and
 * performBatch on the shared path (./send.ts), and every dropdown, those of the configuration fields included.
 */
import type { ActionDefinition, DynamicFieldResponse, InputField, RequestClient } from '@segment/actions-core';
import { configFieldsOf, dropdownOf } from './config-fields.js';
import { CONFIG_DROPDOWNS, type Workspace } from './dynamic-fields.js';
import type { Settings } from './generated-types.js';
import type { ResolvedHost } from './host.js';
import { reportBatch, reportOne, send, type PlgActionSpec } from './send.js';

/** A dropdown of an action's own field, given the workspace and what the mapping holds so far. */
export type ActionDropdown<Payload> = (
  workspace: Workspace,
  payload: Partial<Payload>,
) => Promise<DynamicFieldResponse>;

export interface PlgAction<Payload> extends Omit<PlgActionSpec<Payload>, 'configFields'> {
  title: string;
  description: string;
  /** The trigger pre-filled when a user adds the action by hand; an automatic preset subscribes with it. */
  defaultSubscription?: string;
  fields: Record<string, InputField>;
  dropdowns?: Record<string, ActionDropdown<Payload> | { __keys__: ActionDropdown<Payload> }>;
}

type DynamicHandler = (
  request: RequestClient,
  data: { settings: Settings; payload?: unknown },
) => Promise<DynamicFieldResponse>;

export function toActionDefinition<Payload extends object>(
  action: PlgAction<Payload>,
  host: ResolvedHost,
): ActionDefinition<Settings, Payload> {
  const spec: PlgActionSpec<Payload> = {
    intents: action.intents,
    messageId: action.messageId,
    configFields: configFieldsOf(action.fields),
  };
  const handler =
    (dropdown: ActionDropdown<Payload>): DynamicHandler =>
    (request, { settings, payload }) =>
      dropdown({ request, settings, host }, (payload ?? {}) as Partial<Payload>);
  const dynamicFields: Record<string, DynamicHandler | { __keys__: DynamicHandler }> = {};
  for (const name of spec.configFields) {
    const dropdown = dropdownOf(name);
    if (dropdown !== undefined) dynamicFields[name] = handler((workspace) => CONFIG_DROPDOWNS[dropdown](workspace));
  }
  for (const [name, dropdown] of Object.entries(action.dropdowns ?? {})) {
    dynamicFields[name] = typeof dropdown === 'function' ? handler(dropdown) : { __keys__: handler(dropdown.__keys__) };
  }
  return {
    title: action.title,
    description: action.description,
    ...(action.defaultSubscription === undefined ? {} : { defaultSubscription: action.defaultSubscription }),
    fields: action.fields,
    // actions-core types a dropdown per payload key, and allows none on a multiple-value string field (its
    // IsArray maps string[] to never); the runtime calls every handler alike, as the dynamic-field tests show.
    dynamicFields: dynamicFields as ActionDefinition<Settings, Payload>['dynamicFields'],
    perform: async (request, { settings, payload, logger }) =>
      reportOne(await send(request, { settings, payload: [payload], host, logger }, spec)),
    performBatch: async (request, { settings, payload, logger }) =>
      reportBatch(await send(request, { settings, payload, host, logger }, spec)),
  };
}

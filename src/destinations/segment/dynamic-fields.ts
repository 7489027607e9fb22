/**
 * Dropdowns filled from the workspace: lists, deal stages, workspace members (sales reps), objects, and an
 * object's unique or writable attributes. A failure becomes the dropdown's error message, never a throw.
 */
import type { DynamicFieldResponse, RequestClient } from '@segment/actions-core';
import { AttioClient } from '../../core/attio/client.js';
import { classifyFailure } from '../../core/failures.js';
import type { Dropdown } from './config-fields.js';
import type { Settings } from './generated-types.js';
import type { ResolvedHost } from './host.js';
import { configFromSettings } from './settings.js';
import { segmentTransport } from './transport.js';
import { pacingFor } from './workspace-state.js';

type Choices = DynamicFieldResponse['choices'];

/** Where a dropdown reads from: Segment's request client, the user's settings, and the host. */
export interface Workspace {
  request: RequestClient;
  settings: Settings;
  host: ResolvedHost;
}

/** The Attio client for a workspace, sending through Segment's request at the host's pace. */
export function attioClientFor({ request, settings, host }: Workspace): AttioClient {
  const { apiUrl, apiKey } = configFromSettings(settings, host);
  return new AttioClient(
    segmentTransport(request, { apiUrl, timeoutMs: host.requestTimeoutMs, pacing: pacingFor(apiUrl, apiKey, host) }),
  );
}

async function dropdown(load: () => Promise<Choices>): Promise<DynamicFieldResponse> {
  try {
    return { choices: await load() };
  } catch (error) {
    const failure = classifyFailure(error);
    return {
      choices: [],
      error: {
        code: failure.status === undefined ? failure.category : String(failure.status),
        message: failure.message,
      },
    };
  }
}

export function listChoices(workspace: Workspace): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const lists = await attioClientFor(workspace).listLists();
    return lists.map((list) => ({ value: list.api_slug, label: list.name }));
  });
}

export function dealStageChoices(workspace: Workspace): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const statuses = await attioClientFor(workspace).listStatuses('objects', 'deals', 'stage');
    return statuses.filter((s) => !s.is_archived).map((s) => ({ value: s.title, label: s.title }));
  });
}

export function salesRepChoices(workspace: Workspace): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const members = await attioClientFor(workspace).listWorkspaceMembers();
    return members.map((m) => {
      const email = m.email_address.toLowerCase();
      const name = `${m.first_name} ${m.last_name}`.trim();
      return { value: email, label: name === '' ? email : `${name} (${email})` };
    });
  });
}

export function objectChoices(workspace: Workspace): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const objects = await attioClientFor(workspace).listObjects();
    return objects
      .filter((o): o is typeof o & { api_slug: string } => typeof o.api_slug === 'string')
      .map((o) => ({ value: o.api_slug, label: o.singular_noun ?? o.api_slug }))
      .sort((a, b) => a.label.localeCompare(b.label));
  });
}

/** Attributes of `object` that may match a record (unique), or that may be written. */
export function attributeChoices(
  workspace: Workspace,
  object: string | undefined,
  which: 'unique' | 'writable',
): Promise<DynamicFieldResponse> {
  if (object === undefined || object.trim() === '') {
    return Promise.resolve({
      choices: [],
      error: { code: 'object_required', message: 'Select an Attio object first.' },
    });
  }
  return dropdown(async () => {
    const attributes = await attioClientFor(workspace).listAttributes('objects', object);
    return attributes
      .filter((a) => !a.is_archived && a.is_writable && (which === 'writable' || a.is_unique))
      .map((a) => ({ value: a.api_slug, label: a.title, description: a.type }));
  });
}

/** The dropdown of a configuration field. */
export const CONFIG_DROPDOWNS: Record<Dropdown, (workspace: Workspace) => Promise<DynamicFieldResponse>> = {
  lists: listChoices,
  dealStages: dealStageChoices,
  members: salesRepChoices,
};

/**
 * Dropdowns filled from the workspace: lists, deal stages, workspace members (sales reps), objects, and an
 * object's unique or writable attributes. A failure becomes the dropdown's error message, never a throw.
 */
import type { DynamicFieldResponse, RequestClient } from '@segment/actions-core';
import { AttioClient } from '../../core/attio/client.js';
import { classifyFailure } from '../../core/failures.js';
import type { Settings } from './generated-types.js';
import { configFromSettings } from './settings.js';
import { segmentTransport } from './transport.js';

type Choices = DynamicFieldResponse['choices'];

/** The Attio client for `settings`, sending through Segment's request. */
export function attioClientFor(request: RequestClient, settings: Settings): AttioClient {
  return new AttioClient(segmentTransport(request, configFromSettings(settings).apiUrl));
}

async function dropdown(load: () => Promise<Choices>): Promise<DynamicFieldResponse> {
  try {
    return { choices: await load() };
  } catch (error) {
    const failure = classifyFailure(error);
    return { choices: [], error: { code: failure.status === undefined ? failure.category : String(failure.status), message: failure.message } };
  }
}

export function listChoices(request: RequestClient, settings: Settings): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const lists = await attioClientFor(request, settings).listLists();
    return lists.map((list) => ({ value: list.api_slug, label: list.name }));
  });
}

export function dealStageChoices(request: RequestClient, settings: Settings): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const statuses = await attioClientFor(request, settings).listStatuses('objects', 'deals', 'stage');
    return statuses.filter((s) => !s.is_archived).map((s) => ({ value: s.title, label: s.title }));
  });
}

export function salesRepChoices(request: RequestClient, settings: Settings): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const members = await attioClientFor(request, settings).listWorkspaceMembers();
    return members.map((m) => {
      const email = m.email_address.toLowerCase();
      const name = `${m.first_name} ${m.last_name}`.trim();
      return { value: email, label: name === '' ? email : `${name} (${email})` };
    });
  });
}

export function objectChoices(request: RequestClient, settings: Settings): Promise<DynamicFieldResponse> {
  return dropdown(async () => {
    const objects = await attioClientFor(request, settings).listObjects();
    return objects
      .filter((o): o is typeof o & { api_slug: string } => typeof o.api_slug === 'string')
      .map((o) => ({ value: o.api_slug, label: o.singular_noun ?? o.api_slug }))
      .sort((a, b) => a.label.localeCompare(b.label));
  });
}

/** Attributes of `object` that may match a record (unique), or that may be written. */
export function attributeChoices(
  request: RequestClient,
  settings: Settings,
  object: string | undefined,
  which: 'unique' | 'writable',
): Promise<DynamicFieldResponse> {
  if (object === undefined || object.trim() === '') {
    return Promise.resolve({ choices: [], error: { code: 'object_required', message: 'Select an Attio object first.' } });
  }
  return dropdown(async () => {
    const attributes = await attioClientFor(request, settings).listAttributes('objects', object);
    return attributes
      .filter((a) => !a.is_archived && a.is_writable && (which === 'writable' || a.is_unique))
      .map((a) => ({ value: a.api_slug, label: a.title, description: a.type }));
  });
}

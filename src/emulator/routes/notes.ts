/** Notes: create, list by parent record (limit at most 50), get. Attio has no note update. */
import { randomUUID } from 'node:crypto';
import { notFound, validationType } from '../errors.js';
import type { NoteRow, Workspace } from '../model.js';
import { addNote, removeNote } from '../indexes.js';
import { bodyData } from '../records.js';
import { deleted, ok, pagination, page, type Route } from '../router.js';
import { findObject, requireRecord } from '../store.js';
import { emitNoteEvent } from '../webhooks/events.js';

/** Attio derives the plaintext of a markdown note; this keeps the words and drops the markup. */
function markdownToPlaintext(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/(^|\W)([*_])(\S(?:.*?\S)?)\2(?=\W|$)/g, '$1$3')
    .replace(/`([^`]*)`/g, '$1');
}

function renderNote(ws: Workspace, note: NoteRow): unknown {
  return {
    id: { workspace_id: ws.id, note_id: note.id },
    parent_object: note.parentObject,
    parent_record_id: note.parentRecordId,
    title: note.title,
    meeting_id: null,
    content_plaintext: note.contentPlaintext,
    content_markdown: note.contentMarkdown,
    tags: [],
    created_by_actor: note.createdBy,
    created_at: note.createdAt,
  };
}

function requireNote(ws: Workspace, id: string | undefined): NoteRow {
  const note = ws.notes.get(id ?? '');
  if (!note) throw notFound(`Note with ID "${id}" was not found.`);
  return note;
}

export const noteRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/notes',
    handler: ({ ws, body, write }) => {
      const data = bodyData(body);
      const { parent_object: parentObject, parent_record_id: parentRecordId, title, format, content } = data;
      if (typeof parentObject !== 'string' || typeof parentRecordId !== 'string') {
        throw validationType('"parent_object" and "parent_record_id" are required strings.');
      }
      if (typeof title !== 'string') throw validationType('"title" is required and must be a string.');
      if (format !== 'plaintext' && format !== 'markdown')
        throw validationType('"format" must be "plaintext" or "markdown".');
      if (typeof content !== 'string') throw validationType('"content" is required and must be a string.');
      const object = findObject(ws, parentObject);
      const parent = requireRecord(ws, object, parentRecordId);
      const note: NoteRow = {
        id: randomUUID(),
        parentObject: object.slug,
        parentRecordId: parent.id,
        title,
        contentPlaintext: format === 'markdown' ? markdownToPlaintext(content) : content,
        contentMarkdown: content,
        createdBy: write.actor,
        createdAt: write.now,
      };
      addNote(ws, note);
      emitNoteEvent(write, 'note.created', note);
      return ok(renderNote(ws, note));
    },
  },
  {
    method: 'GET',
    path: '/v2/notes',
    handler: ({ ws, query }) => {
      const object = query.parent_object !== undefined ? findObject(ws, query.parent_object) : undefined;
      const pool =
        query.parent_record_id !== undefined
          ? (ws.indexes.notesByParent.get(query.parent_record_id)?.values() ?? [])
          : ws.notes.values();
      const notes = [...pool].filter(
        (n) =>
          (!object || n.parentObject === object.slug) &&
          (query.parent_record_id === undefined || n.parentRecordId === query.parent_record_id),
      );
      return ok(page(notes, pagination(query, { limit: 10, max: 50 })).map((n) => renderNote(ws, n)));
    },
  },
  {
    method: 'GET',
    path: '/v2/notes/:note_id',
    handler: ({ ws, params }) => {
      return ok(renderNote(ws, requireNote(ws, params.note_id)));
    },
  },
  {
    method: 'DELETE',
    path: '/v2/notes/:note_id',
    handler: ({ ws, params, write }) => {
      const note = requireNote(ws, params.note_id);
      removeNote(ws, note);
      emitNoteEvent(write, 'note.deleted', note);
      return deleted();
    },
  },
];

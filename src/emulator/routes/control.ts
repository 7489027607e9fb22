/**
 * Emulator-only routes, under `/_emulator/`: what a rep can do in Attio's UI but the API version the
 * emulator follows cannot. Real Attio has no such paths; only tests and the demo call them.
 */
import { validationType } from '../errors.js';
import { MERGE_MODES, mergeRecords, type MergeMode } from '../merge.js';
import { bodyData, renderRecord } from '../records.js';
import { ok, type Route } from '../router.js';
import { findObject, requireRecord } from '../store.js';

function mergeMode(raw: unknown): MergeMode {
  if (raw === undefined) return 'new-record';
  const found = MERGE_MODES.find((mode) => mode === raw);
  if (!found)
    throw validationType(
      `"data.mode" must be one of ${MERGE_MODES.map((m) => `"${m}"`).join(', ')}, received ${JSON.stringify(raw)}.`,
    );
  return found;
}

export const controlRoutes: Route[] = [
  {
    // Body: {data: {primary_record_id, secondary_record_id, mode?: "new-record" | "into-primary"}}; answers the merged record.
    method: 'POST',
    path: '/_emulator/objects/:object/records/merge',
    handler: ({ ws, params, body, write }) => {
      const object = findObject(ws, params.object ?? '');
      const data = bodyData(body);
      const { primary_record_id: primaryId, secondary_record_id: secondaryId } = data;
      if (typeof primaryId !== 'string' || typeof secondaryId !== 'string') {
        throw validationType('"data.primary_record_id" and "data.secondary_record_id" are required strings.');
      }
      const mode = mergeMode(data.mode);
      const merged = mergeRecords(
        write,
        object,
        requireRecord(ws, object, primaryId),
        requireRecord(ws, object, secondaryId),
        mode,
      );
      return ok(renderRecord(ws, object, merged));
    },
  },
];

/**
 * The file field. The browser's file never reaches this module: the server stores the upload and
 * hands over either a reference (JSON) or an error code ("error:fileTooLarge") as the field's value.
 */
import type { LeafField } from '../definition.ts';
import { uploadRef } from '../files.ts';
import { str, type FieldType } from './types.ts';

type FileField = Extract<LeafField, { type: 'file' }>;

export const FILE_ERROR_PREFIX = 'error:';

export const file: FieldType<FileField> = {
  // fileType, fileTooLarge and uploadQuota come from the upload step (src/server/uploads.ts) as "error:<code>".
  errorCodes: ['fileRequired', 'fileType', 'fileTooLarge', 'uploadQuota', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path) {
    const raw = str(values, path).trim();
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'fileRequired', field: f }] };
    if (raw.startsWith(FILE_ERROR_PREFIX)) {
      return { ok: false, errors: [{ path, code: raw.slice(FILE_ERROR_PREFIX.length), params: { maxMb: Math.floor(f.maxBytes / 1024 / 1024) }, field: f }] };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, errors: [{ path, code: 'invalid', field: f }] };
    }
    const r = uploadRef.safeParse(parsed);
    return r.success ? { ok: true, value: r.data } : { ok: false, errors: [{ path, code: 'invalid', field: f }] };
  },
  toForm: (_f, v, path) => (v && typeof v === 'object' ? { [path]: JSON.stringify(v) } : {}),
  display(_f, v) {
    const r = uploadRef.safeParse(v);
    if (!r.success) return [];
    return [{ file: { id: r.data.id, name: r.data.name }, text: r.data.name }, { key: 'common:display.fileSize', params: { kb: Math.max(1, Math.round(r.data.size / 1024)) } }];
  },
};

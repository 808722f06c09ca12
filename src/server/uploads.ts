/**
 * Files citizens upload: checked by their bytes, stored in PostgreSQL (never under public/),
 * bound to the journey that uploaded them, and served only to staff who can open the case.
 */
import { and, eq } from 'drizzle-orm';
import { uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { QuestionPage } from '../domain/forms/definition.ts';
import type { Answers } from '../domain/forms/journey.ts';
import type { FormValues } from '../domain/forms/fields/index.ts';
import { FILE_ERROR_PREFIX } from '../domain/forms/fields/file.ts';
import { checkFile, cleanFileName, uploadRef, type FileKind, type UploadRef } from '../domain/forms/files.ts';

export type UploadContext = { db: () => Promise<Db>; journeyKey: string; serviceId: string };

/**
 * The values of a page's file fields, decided here and nowhere else: a new file is checked and
 * stored (its reference becomes the value), no new file keeps the earlier one, and whatever the
 * browser posted under a file field's name as text is ignored.
 */
export async function takeUploads(page: QuestionPage, form: FormData, ctx: UploadContext, previous: Answers): Promise<FormValues> {
  const values: FormValues = {};
  for (const f of page.fields) {
    if (f.type !== 'file') continue;
    const entry = form.get(f.name);
    if (entry instanceof File && entry.size > 0) {
      if (entry.size > f.maxBytes) {
        values[f.name] = `${FILE_ERROR_PREFIX}fileTooLarge`;
        continue;
      }
      const bytes = new Uint8Array(await entry.arrayBuffer());
      const check = checkFile(bytes, f.accept, f.maxBytes);
      values[f.name] = check.ok
        ? JSON.stringify(await storeUpload(await ctx.db(), { ...ctx, fieldName: f.name, fileName: entry.name, kind: check.kind, bytes }))
        : `${FILE_ERROR_PREFIX}${check.code}`;
      continue;
    }
    const earlier = uploadRef.safeParse(previous[f.name]);
    values[f.name] = earlier.success ? JSON.stringify(earlier.data) : '';
  }
  return values;
}

export async function storeUpload(
  db: Db,
  u: { journeyKey: string; serviceId: string; fieldName: string; fileName: string; kind: FileKind; bytes: Uint8Array },
): Promise<UploadRef> {
  const name = cleanFileName(u.fileName);
  const [row] = await db
    .insert(uploads)
    .values({ journeyKey: u.journeyKey, serviceId: u.serviceId, fieldName: u.fieldName, fileName: name, kind: u.kind, size: u.bytes.byteLength, data: u.bytes })
    .returning({ id: uploads.id });
  if (!row) throw new Error('upload not stored');
  return { id: row.id, name, size: u.bytes.byteLength, kind: u.kind };
}

export type Attachment = { id: string; fileName: string; kind: FileKind; data: Uint8Array };

/** An attachment of one submission; undefined if the upload belongs to any other. */
export async function findAttachment(db: Db, submissionId: string, uploadId: string): Promise<Attachment | undefined> {
  const [row] = await db
    .select({ id: uploads.id, fileName: uploads.fileName, kind: uploads.kind, data: uploads.data })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.submissionId, submissionId)));
  return row ? { ...row, kind: row.kind as FileKind } : undefined;
}

/**
 * Files citizens upload: checked by their bytes, counted against the uploader's quotas, stored in
 * PostgreSQL in chunks (never under public/, never on a path built from input), bound to the
 * journey that uploaded them, and served only to staff who can open the case.
 */
import { and, eq } from 'drizzle-orm';
import { uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import type { QuestionPage } from '../domain/forms/definition.ts';
import type { Answers } from '../domain/forms/journey.ts';
import type { FormValues } from '../domain/forms/fields/index.ts';
import { FILE_ERROR_PREFIX } from '../domain/forms/fields/file.ts';
import { checkFile, storedFileName, uploadRef, type FileKind, type UploadRef } from '../domain/forms/files.ts';
import { readUploadBytes, writeChunks } from './upload-store.ts';
import { quotaKeys, takeQuota, type Uploader } from './upload-quota.ts';

export type UploadContext = { db: () => Promise<Db>; journeyKey: string; serviceId: string; uploader?: Uploader };

/** Raised when the uploader's quota would be passed: the field says so, the answers are kept. */
export const QUOTA_ERROR = 'uploadQuota';

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
      const check = await checkFile(bytes, f.accept, f.maxBytes);
      if (!check.ok) {
        values[f.name] = `${FILE_ERROR_PREFIX}${check.code}`;
        continue;
      }
      const db = await ctx.db();
      if (!(await takeQuota(db, ctx.uploader ?? {}, bytes.byteLength))) {
        values[f.name] = `${FILE_ERROR_PREFIX}${QUOTA_ERROR}`;
        continue;
      }
      values[f.name] = JSON.stringify(await storeUpload(db, { ...ctx, fieldName: f.name, fileName: entry.name, kind: check.kind, bytes }));
      continue;
    }
    const earlier = uploadRef.safeParse(previous[f.name]);
    values[f.name] = earlier.success ? JSON.stringify(earlier.data) : '';
  }
  return values;
}

export type NewUpload = { journeyKey: string; serviceId: string; fieldName: string; fileName: string; kind: FileKind; bytes: Uint8Array; uploader?: Uploader | undefined };

/**
 * Stores a checked file: its bytes in chunks first (other requests are answered between them),
 * then its row, under the name it is kept and offered by (the detected kind's extension).
 * `rowDb` writes the row (e.g. inside a message's transaction); the chunks always go through `db`.
 */
export async function storeUpload(db: Db, u: NewUpload, rowDb: Pick<Db, 'insert'> = db, link: { submissionId?: string; messageId?: string } = {}): Promise<UploadRef> {
  const name = storedFileName(u.fileName, u.kind);
  const stored = await writeChunks(db, u.bytes);
  const keys = quotaKeys(u.uploader ?? {});
  await rowDb.insert(uploads).values({
    id: stored.id,
    journeyKey: u.journeyKey,
    serviceId: u.serviceId,
    fieldName: u.fieldName,
    fileName: name,
    kind: u.kind,
    size: stored.size,
    sha256: stored.sha256,
    quotaPersonKey: keys.person,
    quotaAddressKey: keys.address,
    ...link,
  });
  return { id: stored.id, name, size: stored.size, kind: u.kind };
}

export type Attachment = { id: string; fileName: string; kind: FileKind; data: Uint8Array };

/** An attachment of one submission; undefined if the upload belongs to any other. */
export async function findAttachment(db: Db, submissionId: string, uploadId: string): Promise<Attachment | undefined> {
  const [row] = await db
    .select({ id: uploads.id, fileName: uploads.fileName, kind: uploads.kind })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.submissionId, submissionId)));
  const data = row ? await readUploadBytes(db, row.id) : undefined;
  return row && data ? { ...row, kind: row.kind as FileKind, data } : undefined;
}

/**
 * Messages between the handläggare and the citizen on a case (never the internal notes). Each
 * message is a row, a case event for the timeline (message.sent / message.received) and an audit
 * event, in one transaction. A citizen's message may carry files, checked like the e-tjänsters'
 * uploads; they are stored with the case, so staff open them like any attachment. A citizen's
 * message also marks the case unread and tells its handläggare (../akut/unread.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { caseEvents, caseMessages, submissions, uploads } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { checkFile, storedFileName, type FileKind } from '../../domain/forms/files.ts';
import { audit } from '../audit.ts';
import { readUploadBytes, writeChunks, type StoredBytes } from '../upload-store.ts';
import { takeQuota, type Uploader } from '../upload-quota.ts';
import { citizenActorId } from './actor.ts';
import { markUnreadAndNotify } from '../akut/unread.ts';
import { notificationsQueued } from '../notifications/signal.ts';

export const MESSAGE_MAX = 5000;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_KINDS: FileKind[] = ['pdf', 'jpeg', 'png'];
export const ATTACHMENTS_PER_MESSAGE = 3;

export type MessageAttachment = { id: string; fileName: string; size: number };
export type Message = {
  id: string;
  direction: 'to_citizen' | 'from_citizen';
  authorStaffId: string | null;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  attachments: MessageAttachment[];
};

export type MessageError = 'bodyRequired' | 'bodyTooLong' | 'fileType' | 'fileTooLarge' | 'tooManyFiles' | 'uploadQuota';

/** The message's text, trimmed, or the reason it cannot be sent. */
export function checkBody(raw: string | null | undefined): { ok: true; body: string } | { ok: false; code: MessageError } {
  const body = (raw ?? '').replace(/\r\n/g, '\n').trim();
  if (body === '') return { ok: false, code: 'bodyRequired' };
  if (body.length > MESSAGE_MAX) return { ok: false, code: 'bodyTooLong' };
  return { ok: true, body };
}

export type IncomingFile = { name: string; bytes: Uint8Array };

/** Checks each file by its bytes; the first problem is returned. */
export async function checkFiles(files: IncomingFile[]): Promise<{ ok: true; kinds: FileKind[] } | { ok: false; code: MessageError }> {
  if (files.length > ATTACHMENTS_PER_MESSAGE) return { ok: false, code: 'tooManyFiles' };
  const kinds: FileKind[] = [];
  for (const f of files) {
    const c = await checkFile(f.bytes, ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES);
    if (!c.ok) return { ok: false, code: c.code };
    kinds.push(c.kind);
  }
  return { ok: true, kinds };
}

/** Counts a citizen's message files against their upload quotas (docs/adr/0009); false when one would be passed. */
export async function takeFilesQuota(db: Db, who: Uploader, files: IncomingFile[]): Promise<boolean> {
  for (const f of files) if (!(await takeQuota(db, who, f.bytes.byteLength))) return false;
  return true;
}

export async function listMessages(db: Db, submissionId: string): Promise<Message[]> {
  const rows = await db
    .select({ id: caseMessages.id, direction: caseMessages.direction, authorStaffId: caseMessages.authorStaffId, body: caseMessages.body, createdAt: caseMessages.createdAt, readAt: caseMessages.readAt })
    .from(caseMessages)
    .where(eq(caseMessages.submissionId, submissionId))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  const files = rows.length === 0 ? [] : await db
    .select({ id: uploads.id, fileName: uploads.fileName, size: uploads.size, messageId: uploads.messageId })
    .from(uploads)
    .where(and(eq(uploads.submissionId, submissionId), inArray(uploads.messageId, rows.map((r) => r.id))));
  return rows.map((r) => ({
    ...r,
    direction: r.direction === 'from_citizen' ? 'from_citizen' : 'to_citizen',
    attachments: files.filter((f) => f.messageId === r.id).map(({ id, fileName, size }) => ({ id, fileName, size })),
  }));
}

/** The citizen has seen the handläggare's messages. */
export async function markReadByCitizen(db: Db, submissionId: string, now = new Date()): Promise<void> {
  await db.update(caseMessages).set({ readAt: now }).where(and(eq(caseMessages.submissionId, submissionId), eq(caseMessages.direction, 'to_citizen'), isNull(caseMessages.readAt)));
}

/** A handläggare writes to the citizen (the caller has checked the case is in the writer's areas). */
/** A handläggare writes to the citizen, with checked files (e.g. a decision letter) stored with the case. */
export async function sendStaffMessage(
  db: Db,
  m: { submissionId: string; serviceId: string; staffId: string; body: string; files?: (IncomingFile & { kind: FileKind })[]; ip?: string | null },
  now = new Date(),
): Promise<string> {
  const files = m.files ?? [];
  const messageId = randomUUID();
  const stored = await storeFiles(db, messageId, m.serviceId, files);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(caseMessages).values({ id: messageId, submissionId: m.submissionId, direction: 'to_citizen', authorStaffId: m.staffId, body: m.body, createdAt: now }).returning({ id: caseMessages.id });
    if (!row) throw new Error('message not stored');
    await stored.link(tx, m.submissionId);
    await tx.insert(caseEvents).values({ submissionId: m.submissionId, at: now, actorId: m.staffId, kind: 'message.sent', data: { messageId: row.id, attachments: files.length } });
    await tx.update(submissions).set({ updatedAt: now }).where(eq(submissions.id, m.submissionId));
    await audit(tx, { actorType: 'staff', actorId: m.staffId, action: 'case.message.sent', subjectType: 'submission', subjectId: m.submissionId, details: { messageId: row.id, attachments: files.length }, ip: m.ip ?? null });
    return row.id;
  });
}

/**
 * A message's files: their bytes are written before the message's transaction (in chunks, so that
 * other requests are answered meanwhile); `link` writes their rows, bound to the message and its
 * case, inside it. Chunks of a message that then fails have no row and are removed by gallring.
 */
async function storeFiles(db: Db, messageId: string, serviceId: string, files: (IncomingFile & { kind: FileKind })[]) {
  const chunks: { f: IncomingFile & { kind: FileKind }; stored: StoredBytes }[] = [];
  for (const f of files) chunks.push({ f, stored: await writeChunks(db, f.bytes) });
  return {
    async link(tx: Pick<Db, 'insert'>, submissionId: string): Promise<void> {
      for (const { f, stored } of chunks) {
        await tx.insert(uploads).values({ id: stored.id, journeyKey: `message:${messageId}`, serviceId, fieldName: 'meddelande', fileName: storedFileName(f.name, f.kind), kind: f.kind, size: stored.size, sha256: stored.sha256, submissionId, messageId });
      }
    },
  };
}

/** The citizen answers (the caller has checked the case is theirs), with checked files. */
export async function sendCitizenMessage(
  db: Db,
  m: { submissionId: string; serviceId: string; personnummer: string; body: string; files: (IncomingFile & { kind: FileKind })[]; ip?: string | null },
  now = new Date(),
): Promise<string> {
  const messageId = randomUUID();
  const stored = await storeFiles(db, messageId, m.serviceId, m.files);
  let noticed = false;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(caseMessages).values({ id: messageId, submissionId: m.submissionId, direction: 'from_citizen', authorPersonnummer: m.personnummer, body: m.body, createdAt: now }).returning({ id: caseMessages.id });
    if (!row) throw new Error('message not stored');
    await stored.link(tx, m.submissionId);
    await tx.insert(caseEvents).values({ submissionId: m.submissionId, at: now, actorId: null, kind: 'message.received', data: { messageId: row.id, attachments: m.files.length } });
    await tx.update(submissions).set({ updatedAt: now }).where(eq(submissions.id, m.submissionId));
    await audit(tx, { actorType: 'citizen', actorId: citizenActorId(m.personnummer), action: 'citizen.message.sent', subjectType: 'submission', subjectId: m.submissionId, details: { messageId: row.id, attachments: m.files.length }, ip: m.ip ?? null });
    noticed = await markUnreadAndNotify(tx, m.submissionId, now);
    return row.id;
  });
  if (noticed) notificationsQueued();
  return id;
}

export type MessageFile = { id: string; fileName: string; kind: FileKind; data: Uint8Array };

/** A file attached to a message of this case; undefined for anything else (e.g. the application's own attachments). */
export async function findMessageFile(db: Db, submissionId: string, uploadId: string): Promise<MessageFile | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(uploadId)) return undefined;
  const [row] = await db
    .select({ id: uploads.id, fileName: uploads.fileName, kind: uploads.kind })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.submissionId, submissionId), isNotNull(uploads.messageId)));
  const data = row ? await readUploadBytes(db, row.id) : undefined;
  return row && data ? { ...row, kind: row.kind as FileKind, data } : undefined;
}

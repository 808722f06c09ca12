/**
 * Where an upload's bytes are kept: in `upload_chunks`, a few hundred kilobytes a row, each row
 * written by a statement of its own outside any transaction. The embedded database answers one
 * statement at a time: a 10 MB file written as one row held every other visitor for as long as it
 * took; written in chunks, with a turn of the event loop after each, other requests are read and
 * answered between them (docs/adr/0009). The upload's
 * own row (name, kind, size, hash) is written after the last chunk, so a file is either whole or
 * not there; chunks of an interrupted upload have no row and are removed by gallring.
 */
import { createHash, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { uploadChunks, uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';

export const CHUNK_BYTES = 256 * 1024;

export type StoredBytes = { id: string; size: number; sha256: string };

/** Writes the bytes as chunks under a new upload id; the caller then writes the upload's row with that id. */
export async function writeChunks(db: Db, bytes: Uint8Array): Promise<StoredBytes> {
  const id = randomUUID();
  const hash = createHash('sha256');
  for (let seq = 0, at = 0; at < bytes.byteLength || seq === 0; seq++, at += CHUNK_BYTES) {
    const part = bytes.subarray(at, at + CHUNK_BYTES);
    hash.update(part);
    await db.insert(uploadChunks).values({ uploadId: id, seq, data: part });
    // The embedded database runs in this process and answers through promises alone, which never
    // let the event loop read another request: give it a turn between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { id, size: bytes.byteLength, sha256: hash.digest('hex') };
}

/** An upload's bytes: from its chunks, or (files stored before chunks) from its own row. */
export async function readUploadBytes(db: Db, uploadId: string): Promise<Uint8Array | undefined> {
  const parts = await db.select({ data: uploadChunks.data }).from(uploadChunks).where(eq(uploadChunks.uploadId, uploadId)).orderBy(asc(uploadChunks.seq));
  if (parts.length > 0) return Buffer.concat(parts.map((p) => p.data));
  const [row] = await db.select({ data: uploads.data }).from(uploads).where(eq(uploads.id, uploadId));
  return row?.data ?? undefined;
}

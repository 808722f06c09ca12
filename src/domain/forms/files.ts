/**
 * Uploaded files as the engine sees them: which kinds are accepted, recognised from the file's
 * own bytes at offset 0 by file-type (never its name, the browser's claim, or a signature found
 * somewhere further in), and the name a file is kept and offered under: the person's name cleaned
 * of paths, control and bidirectional-override characters, with the extension of the detected kind.
 */
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';

export const FILE_KINDS = ['pdf', 'jpeg', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MEDIA_TYPES: Record<FileKind, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };
export const EXTENSIONS: Record<FileKind, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png' };

/** file-type's answer (extension and media type) for each kind we accept. */
const DETECTED: Record<string, FileKind> = { 'pdf application/pdf': 'pdf', 'jpg image/jpeg': 'jpeg', 'png image/png': 'png' };

/** The kind of file these bytes are, detected from their start; undefined for anything else. */
export async function detectFileKind(bytes: Uint8Array): Promise<FileKind | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return found ? DETECTED[`${found.ext} ${found.mime}`] : undefined;
}

export const uploadRef = z.object({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  size: z.number().int().positive(),
  kind: z.enum(FILE_KINDS),
});
export type UploadRef = z.infer<typeof uploadRef>;

/**
 * Characters that must never be in a file name shown or offered: controls (C0, C1), format
 * characters (bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks
 * U+200E/U+200F/U+061C, zero-width characters, the byte-order mark), line and paragraph
 * separators, and what file systems or headers treat specially.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}"<>|*?:\\/]/gu;

/** A name safe to show: no path, no control or bidi characters, no leading dots, at most 150 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').trim().slice(0, 150);
  return clean === '' ? 'fil' : clean;
}

/** The name a file is kept and offered under: the cleaned name without its own extension, with the detected kind's. */
export function storedFileName(name: string, kind: FileKind): string {
  const clean = cleanFileName(name);
  const stem = clean.replace(/\.[^.]{1,12}$/, '').replace(/[.\s]+$/, '');
  return `${stem === '' ? 'fil' : stem}.${EXTENSIONS[kind]}`;
}

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; code: 'fileTooLarge' | 'fileType' };

export async function checkFile(bytes: Uint8Array, accept: readonly FileKind[], maxBytes: number): Promise<FileCheck> {
  if (bytes.byteLength > maxBytes) return { ok: false, code: 'fileTooLarge' };
  const kind = await detectFileKind(bytes);
  return kind && accept.includes(kind) ? { ok: true, kind } : { ok: false, code: 'fileType' };
}

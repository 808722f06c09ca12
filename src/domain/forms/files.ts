/**
 * Uploaded files as the engine sees them: which kinds are accepted, recognised from the file's
 * own bytes (never its name or the browser's claim), and the reference an answer stores.
 */
import { z } from 'zod';

export const FILE_KINDS = ['pdf', 'jpeg', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MEDIA_TYPES: Record<FileKind, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** The kind of file these bytes are, by their signature; undefined for anything else. */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  // "%PDF-" may follow a little junk (some generators add a byte-order mark); readers allow 1 KiB.
  const head = Array.from(bytes.subarray(0, 1024), (b) => String.fromCharCode(b)).join('');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  return undefined;
}

export const uploadRef = z.object({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  size: z.number().int().positive(),
  kind: z.enum(FILE_KINDS),
});
export type UploadRef = z.infer<typeof uploadRef>;

/** A file name safe to show and to offer for download: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'fil' : clean;
}

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; code: 'fileTooLarge' | 'fileType' };

export function checkFile(bytes: Uint8Array, accept: readonly FileKind[], maxBytes: number): FileCheck {
  if (bytes.byteLength > maxBytes) return { ok: false, code: 'fileTooLarge' };
  const kind = detectFileKind(bytes);
  return kind && accept.includes(kind) ? { ok: true, kind } : { ok: false, code: 'fileType' };
}

/**
 * How every stored file is handed out, to staff and to citizens alike: always as a download
 * (`Content-Disposition: attachment`), never sniffed (`nosniff`), never run (a sandboxing CSP), never
 * cached, under a name with no control or bidi characters and the extension of what its bytes are.
 * The kind is detected again from the bytes here, so a file stored before the checks were strict
 * is offered as what it is: anything but an accepted kind goes out as octet-stream named ".bin".
 */
import { cleanFileName, detectFileKind, MEDIA_TYPES, storedFileName, type FileKind } from '../domain/forms/files.ts';

export async function attachmentHeaders(file: { fileName: string; data: Uint8Array }): Promise<Headers> {
  const kind: FileKind | undefined = await detectFileKind(file.data);
  const name = kind ? storedFileName(file.fileName, kind) : `${cleanFileName(file.fileName).replace(/\.[^.]{1,12}$/, '')}.bin`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return new Headers({
    'Content-Type': kind ? MEDIA_TYPES[kind] : 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'no-store',
  });
}

export async function attachmentResponse(file: { fileName: string; data: Uint8Array }): Promise<Response> {
  return new Response(Buffer.from(file.data), { headers: await attachmentHeaders(file) });
}

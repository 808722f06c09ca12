/**
 * How much a request body may carry, counted as it is read: a declared Content-Length over the
 * limit is refused at once (the HTTP parser never reads past a declared length), and a body
 * without one (Transfer-Encoding: chunked) is read through a copy until it ends or passes the
 * limit, so no framing lets a larger body reach a page. The copy shares the body with the request
 * (a tee): the page still reads all of it, and at most the limit and one chunk is held while
 * counting.
 */

/** Multipart posts carry files: room for one over the 10 MB limit to arrive, so its own field can say it is too large. */
export const MULTIPART_LIMIT_BYTES = 25 * 1024 * 1024;

/** The limit for a body of this Content-Type: the multipart one, or the form limit for everything else. */
export function bodyLimitFor(contentType: string | null, formLimit: number): number {
  return (contentType ?? '').trim().toLowerCase().startsWith('multipart/form-data') ? MULTIPART_LIMIT_BYTES : formLimit;
}

/** Whether the request's body is longer than `limit` bytes (declared, or counted while reading a copy). */
export async function exceedsLimit(request: Request, limit: number): Promise<boolean> {
  const declared = request.headers.get('content-length');
  // A declared length is all the HTTP parser lets through as this request's body.
  if (declared !== null && /^\d+$/.test(declared.trim())) return Number(declared) > limit;
  if (!request.body || request.bodyUsed) return false;
  const reader = request.clone().body!.getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    read += value.byteLength;
    if (read > limit) {
      // Not awaited: a tee branch's cancel settles only once the other branch is cancelled too.
      reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

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

/**
 * Whether the request's body is longer than `limit` bytes: `within`; `over`, by a declared length
 * the server can read to its end and discard, so the client finishes sending and reads the answer;
 * or `overUnbounded`, a body of no declared length (or one of an absurd length) that must not be
 * read on: the connection is closed with the answer.
 */
export async function bodyVerdict(request: Request, limit: number): Promise<'within' | 'over' | 'overUnbounded'> {
  const declared = request.headers.get('content-length');
  // A declared length is all the HTTP parser lets through as this request's body.
  if (declared !== null && /^\d+$/.test(declared.trim())) {
    const length = Number(declared);
    return length <= limit ? 'within' : length <= DISCARD_AT_MOST_BYTES ? 'over' : 'overUnbounded';
  }
  return (await exceedsLimit(request, limit)) ? 'overUnbounded' : 'within';
}

/** A refused body up to this length is read to its end and discarded rather than cut off. */
const DISCARD_AT_MOST_BYTES = 2 * MULTIPART_LIMIT_BYTES;

/** Whether a body of no declared length is longer than `limit` bytes, counted while reading a copy. */
async function exceedsLimit(request: Request, limit: number): Promise<boolean> {
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

/**
 * Return paths ("tillbaka", the page to go back to after a login or a language change): the one
 * rule every place that takes one uses. A return path is accepted only when it is a path on the
 * portal's own origin, written in plain ASCII without control characters or backslashes, before
 * and after percent-decoding (up to three rounds, so a value encoded twice is judged as the browser
 * would finally read it). Anything else gives the fallback. Browsers drop tabs and newlines and
 * turn "\" into "/" in URLs, and ideographic full stops into dots in host names: so "/%09/evil",
 * "/\evil" and "/%E3%80%82evil" are ways to "//evil", and are refused here.
 */

/** A placeholder origin: the path is resolved against it, and must stay on it. */
const OWN = 'http://portal.invalid';
const MAX_LENGTH = 2048;

/** Printable ASCII without the backslash: what a return path may consist of at every decoding. */
const PLAIN = /^[\x21-\x5b\x5d-\x7e]*$/;

function decodedForms(raw: string): string[] | undefined {
  const forms = [raw];
  let current = raw;
  for (let i = 0; i < 3 && current.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

/** The path (with its query, without any fragment) if `raw` is a safe same-origin return path, else undefined. */
export function parseReturnPath(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  const forms = decodedForms(raw);
  if (!forms) return undefined;
  for (const f of forms) {
    if (!PLAIN.test(f)) return undefined;
    if (!f.startsWith('/') || f.startsWith('//')) return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw, OWN);
  } catch {
    return undefined;
  }
  if (url.origin !== OWN || url.username !== '' || url.password !== '') return undefined;
  const path = url.pathname + url.search;
  // What the URL parser made of it must itself be a plain path on this origin.
  return PLAIN.test(path) && path.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

/** As parseReturnPath, with a fallback for anything refused. */
export function safeReturnPath(raw: string | null | undefined, fallback = '/'): string {
  return parseReturnPath(raw) ?? fallback;
}

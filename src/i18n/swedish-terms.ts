/**
 * Swedish words kept in another language's text — names of benefits, roles and authorities that
 * have no exact equivalent (ekonomiskt bistånd, god man, Försäkringskassan …) — carry `lang="sv"` so
 * that a screen reader speaks them as Swedish (WCAG 3.1.2). The texts themselves stay plain: a page
 * in a language other than Swedish has each such word wrapped in `<span lang="sv">` as it is sent,
 * wherever it comes from (common texts, an e-tjänst's texts, the configuration, an answer shown back).
 *
 * Only text is changed: never a tag or an attribute value, and nothing inside the elements whose
 * content is not markup (script, style, textarea, title) or may hold no element (option), nor inside
 * SVG.
 */

/** Each term with the forms it takes inside other languages' texts (definite, genitive, plural). */
export const SWEDISH_TERMS: readonly string[] = [
  'ekonomiskt bistånd',
  'försörjningsstöd',
  'bistånd',
  'god man',
  'gode män',
  'förvaltare',
  'folkbokförd',
  'folkbokföring',
  'orosanmälan',
  'orosanmälningar',
  'förhandsbedömning',
  'hemtjänst',
  'hemtjänsten',
  'hemgång',
  'trygg hemgång',
  'daglig verksamhet',
  'gruppbostad',
  'särskilt boende',
  'bostadstillägg',
  'bostadsrätt',
  'bostadsbidrag',
  'maxtaxa',
  'maxtaxan',
  'socialjour',
  'socialjouren',
  'familjehem',
  'kontaktfamilj',
  'trygghetslarm',
  'personnummer',
  'samordningsnummer',
  'e-legitimation',
  'Mina sidor',
  'Försäkringskassan',
  'Arbetsförmedlingen',
  'Skatteverket',
  'Kvinnofridslinjen',
  'Socialtjänstportalen',
  'socialförvaltningen',
  'socialnämnden',
  // The plan's own abbreviation for a figure from the interim report (delårsrapport), kept in its notes.
  'DÅ',
];

const LETTER = String.raw`\p{L}\p{N}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so that "ekonomiskt bistånd" is one span, not "bistånd" alone. */
const TERM_PATTERN = new RegExp(
  `(?<![${LETTER}-])(${[...SWEDISH_TERMS]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t).replace(/ /g, String.raw`\s+`))
    .join('|')})(?:s|['’]s)?(?![${LETTER}-])`,
  'giu',
);

/** Elements whose content is copied untouched. */
const UNTOUCHED = new Set(['script', 'style', 'textarea', 'title', 'option', 'svg', 'template']);

function markText(text: string): string {
  return text.replace(TERM_PATTERN, (m) => `<span lang="sv">${m}</span>`);
}

/**
 * The page's HTML with each Swedish term in its text wrapped in `<span lang="sv">`. The HTML is the
 * portal's own output: tags are read with their quoted attribute values (which may hold `>`), so an
 * answer shown back in a value attribute is never changed.
 */
export function markSwedishTerms(html: string, o: { rtl?: boolean } = {}): string {
  return mapText(html, o.rtl ? (text) => markText(isolateNumbers(text)) : markText);
}

/**
 * A number written in parts (a phone number "0583-810 00", a personnummer, a date, a reference
 * "2026-000123") as one left-to-right run: inside right-to-left text the bidi algorithm would
 * otherwise order its parts right to left ("00 810-0583"). Numbers come from texts, configuration
 * and answers alike, so they are isolated as the page is sent, as the Swedish terms are marked.
 */
const NUMBER_IN_PARTS = /(?<![\p{L}\p{N}])\+?\d+(?:[ \u00a0\-–/.:]\d+)+(?![\p{L}\p{N}])/gu;

export function isolateNumbers(text: string): string {
  return text.replace(NUMBER_IN_PARTS, (m) => `<span dir="ltr">${m}</span>`);
}

/**
 * The HTML with `fn` applied to its text: never to a tag or an attribute value, nor inside the
 * elements whose content is not markup.
 */
function mapText(html: string, fn: (text: string) => string): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += fn(html.slice(i));
      break;
    }
    out += fn(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end === -1 ? n : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    const nameMatch = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 64));
    if (!nameMatch) {
      // "<" not opening a tag (a doctype, or a lone "<" in text): copy it and go on.
      const end = html.startsWith('<!', lt) ? html.indexOf('>', lt) : lt;
      const stop = end === -1 ? n : end + 1;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    // The end of the tag: the first ">" outside a quoted attribute value.
    let j = lt + nameMatch[0].length;
    let quote: string | null = null;
    for (; j < n; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const tagEnd = Math.min(j + 1, n);
    out += html.slice(lt, tagEnd);
    i = tagEnd;
    const name = nameMatch[1]!.toLowerCase();
    const isStart = html[lt + 1] !== '/';
    const selfClosing = html[j - 1] === '/';
    if (isStart && !selfClosing && UNTOUCHED.has(name)) {
      const closing = new RegExp(`</${name}[\\s>/]`, 'gi');
      closing.lastIndex = i;
      const close = closing.exec(html);
      const stop = close ? close.index : n;
      out += html.slice(i, stop);
      i = stop;
    }
  }
  return out;
}

/**
 * The one CSV writer: every file the portal hands out as CSV (the inbox export, the indicator
 * exports, the survey codes and results) is written here, with csv-stringify, for Swedish Excel:
 * UTF-8 with a byte order mark, ";" between fields (a comma is the Swedish decimal sign), CRLF after
 * every line including the last, RFC 4180 quoting, and one rule against formula injection
 * (docs/inbox-csv.md). A text cell that starts with =, +, -, @, a tab or a carriage return (or the
 * full-width ＝ ＋ － ＠ that some spreadsheets also read as formulas) gets a leading apostrophe, so
 * no spreadsheet runs what a citizen typed. Numbers are written as numbers (a negative count stays
 * -3); a text that looks like a number is still text and is defused like any other.
 */
import { stringify, type Options } from 'csv-stringify/sync';

/** What a cell may hold: text, a number, or nothing (an empty field). */
export type CsvValue = string | number | null | undefined;

const OPTIONS: Options = {
  delimiter: ';',
  record_delimiter: '\r\n',
  escape_formulas: true,
  // A lone CR or LF inside a cell is a line break to a reader too: quote it like CRLF.
  quote_record_delimiter: true,
  // A value with leading or trailing white space is quoted, so that no reader trims it.
  quoted_match: /^\s|\s$/,
  cast: { number: (n) => String(n) },
};

/** A whole file: BOM, the header, one line per row, each line ended by CRLF. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return stringify([header, ...rows] as CsvValue[][], { ...OPTIONS, bom: true, eof: true });
}

/** One field exactly as it appears in a file (what csvFile writes between the separators). */
export function csvCell(value: CsvValue): string {
  return stringify([[value]], { ...OPTIONS, eof: false });
}

/**
 * A CSV file as a download: never cached (every file here holds case, survey or indicator data),
 * with the file name given (plain ASCII: letters, digits, "-", "_" and "."; anything else becomes "-").
 */
export function csvResponse(body: string, fileName: string, headers: Record<string, string> = {}): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '-');
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${safe}"`, 'Cache-Control': 'no-store', ...headers },
  });
}

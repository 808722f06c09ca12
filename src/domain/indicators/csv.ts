/**
 * CSV for the indicator exports, made for Swedish Excel like the inbox export: UTF-8 with a byte
 * order mark, ";" between fields, CRLF line ends, and a cell that a spreadsheet could read as a
 * formula defused with a leading apostrophe.
 */
export type CsvValue = string | number | null | undefined;

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/**
 * The filtered inbox as CSV for the hand-over to the verksamhetssystem (format: docs/inbox-csv.md).
 * Made for Swedish Excel: UTF-8 with a byte order mark, ";" between fields, CRLF line ends. Every
 * cell that a spreadsheet could read as a formula is defused with a leading apostrophe.
 */
import { stockholmIso } from '../domain/format.ts';
import type { ExportRow } from './inbox.ts';

export const CSV_COLUMNS = [
  'arendenummer',
  'etjanst',
  'etjanst_namn',
  'omrade',
  'status',
  'personnummer',
  'namn',
  'inskickad_av',
  'for_annan_person',
  'handlaggare',
  'inkom',
  'forfallodatum',
] as const;

/** 2026-03-01T10:00:00+01:00: the Swedish wall-clock time with its UTC offset. */
export { stockholmIso };

/**
 * One field: formula-like values (= + - @, tab, carriage return first) get a leading apostrophe,
 * and a field with the separator, a quote or a line break is quoted with inner quotes doubled.
 */
export function csvCell(value: string | null): string {
  if (value === null || value === '') return '';
  let v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (/[;"\r\n]/.test(v) || v !== v.trim()) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

export type CsvContext = {
  /** The e-tjänst's name for people (in Swedish: the hand-over file is not translated). */
  serviceTitle: (serviceId: string) => string;
};

function cells(r: ExportRow, ctx: CsvContext): (string | null)[] {
  return [
    r.reference,
    r.serviceId,
    ctx.serviceTitle(r.serviceId),
    r.area,
    r.status,
    r.personnummer,
    r.subjectName,
    r.onBehalf ? r.submitterName : null,
    r.onBehalf ? 'ja' : 'nej',
    r.assigneeName,
    stockholmIso(r.submittedAt),
    r.dueAt ? stockholmIso(r.dueAt) : null,
  ];
}

/** The whole file: BOM, header row, one line per case, each line ended by CRLF. */
export function inboxCsv(rows: ExportRow[], ctx: CsvContext): string {
  const lines = [CSV_COLUMNS.join(';'), ...rows.map((r) => cells(r, ctx).map(csvCell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

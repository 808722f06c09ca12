/**
 * The filtered inbox as CSV for the hand-over to the verksamhetssystem (format: docs/inbox-csv.md).
 * Written by the portal's one CSV writer (./csv.ts): made for Swedish Excel, formulas defused.
 */
import { stockholmIso } from '../domain/format.ts';
import { csvFile } from './csv.ts';
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
  return csvFile(CSV_COLUMNS, rows.map((r) => cells(r, ctx)));
}

import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, inboxCsv, stockholmIso } from './inbox-csv.ts';
import type { ExportRow } from './inbox.ts';

const row: ExportRow = {
  id: '3f1c2a4e-8d7b-4c5a-9e6f-0a1b2c3d4e5f',
  reference: '2026-000042',
  serviceId: 'trygghetslarm',
  area: 'aldreomsorg',
  status: 'inkommen',
  subjectName: 'Tolvan Tolvansson',
  // Skatteverket test personnummer.
  personnummer: '19450110-3297',
  submitterName: 'Anna Andersson',
  onBehalf: true,
  consentChecked: false,
  anonymous: false,
  urgent: false,
  unreadMessagesSince: null,
  confirmation: null,
  assigneeId: null,
  assigneeName: null,
  submittedAt: new Date('2026-03-01T08:00:00Z'),
  dueAt: new Date('2026-07-01T10:30:00Z'),
};

describe('Swedish times', () => {
  it('writes wall-clock time with the offset of the day', () => {
    expect(stockholmIso(new Date('2026-03-01T08:00:00Z'))).toBe('2026-03-01T09:00:00+01:00');
    expect(stockholmIso(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02T00:30:00+02:00');
  });
});

describe('the CSV file', () => {
  it('starts with a BOM and the header, separates with ; and ends lines with CRLF', () => {
    const csv = inboxCsv([row, { ...row, reference: '2026-000043', onBehalf: false, submitterName: null, dueAt: null, assigneeName: 'Bo Berg' }], { serviceTitle: () => 'Ansök om trygghetslarm' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      CSV_COLUMNS.join(';'),
      '2026-000042;trygghetslarm;Ansök om trygghetslarm;aldreomsorg;inkommen;19450110-3297;Tolvan Tolvansson;Anna Andersson;ja;;2026-03-01T09:00:00+01:00;2026-07-01T12:30:00+02:00',
      '2026-000043;trygghetslarm;Ansök om trygghetslarm;aldreomsorg;inkommen;19450110-3297;Tolvan Tolvansson;;nej;Bo Berg;2026-03-01T09:00:00+01:00;',
      '',
    ]);
  });

  it('defuses what a citizen typed as a formula and quotes what holds the separator', () => {
    const csv = inboxCsv([{ ...row, subjectName: '=HYPERLINK("http://x";"klicka")', submitterName: 'Bo; Berg', assigneeName: '@admin' }], { serviceTitle: () => '+Trygghetslarm' });
    const line = csv.slice(1).split('\r\n')[1];
    expect(line).toBe(
      `2026-000042;trygghetslarm;'+Trygghetslarm;aldreomsorg;inkommen;19450110-3297;"'=HYPERLINK(""http://x"";""klicka"")";"Bo; Berg";ja;'@admin;2026-03-01T09:00:00+01:00;2026-07-01T12:30:00+02:00`,
    );
  });

  it('is just the header when nothing matches', () => {
    expect(inboxCsv([], { serviceTitle: (id) => id })).toBe(`\uFEFF${CSV_COLUMNS.join(';')}\r\n`);
  });
});

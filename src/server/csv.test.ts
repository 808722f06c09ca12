import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, csvResponse } from './csv.ts';
import { linesMatching, sourceFiles } from './test-source.ts';

describe('a cell a spreadsheet could run as a formula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+46 70 123', "'+46 70 123"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tdold', `"'\tdold"`],
    ['\r=1', `"'\r=1"`],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    ['=HYPERLINK("http://x";"klicka")', `"'=HYPERLINK(""http://x"";""klicka"")"`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
  ])('defuses %j with a leading apostrophe', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves text with a formula sign inside (not first) alone', () => {
    expect(csvCell('Anna=Bo')).toBe('Anna=Bo');
    expect(csvCell('070-123 45 67')).toBe('070-123 45 67');
  });

  it('writes numbers as numbers, negative ones too, but defuses text that only looks like one', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('-3')).toBe("'-3");
  });
});

describe('quoting (RFC 4180)', () => {
  it.each([
    ['a;b', '"a;b"'],
    ['säger "hej"', '"säger ""hej"""'],
    ['rad 1\nrad 2', '"rad 1\nrad 2"'],
    ['rad 1\r\nrad 2', '"rad 1\r\nrad 2"'],
    [' inledande', '" inledande"'],
    ['avslutande ', '"avslutande "'],
    ['Åsa Öberg', 'Åsa Öberg'],
    ['19450110-3297', '19450110-3297'],
    ['a,b', 'a,b'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves missing values empty', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('a file', () => {
  it('is UTF-8 with a byte order mark, ";" between fields and CRLF after every line', () => {
    const csv = csvFile(['namn', 'antal'], [['Åsa', 3], ['=evil', null]]);
    expect(csv).toBe('\uFEFFnamn;antal\r\nÅsa;3\r\n\'=evil;\r\n');
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Åsa', 'utf8'))).toBe(true);
  });

  it('is the header alone when there are no rows', () => {
    expect(csvFile(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
  });

  it('keeps a line break inside a quoted cell out of the line count', () => {
    const csv = csvFile(['a', 'b'], [['rad 1\r\nrad 2', 'x']]);
    expect(csv).toBe('\uFEFFa;b\r\n"rad 1\r\nrad 2";x\r\n');
  });
});

describe('a download', () => {
  it('is CSV in UTF-8, never cached, under a plain file name, with any extra headers', async () => {
    const r = csvResponse(csvFile(['a'], [['Åsa']]), 'arenden-2026-03-01.csv', { 'X-Row-Count': '1' });
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('Cache-Control')).toBe('no-store');
    expect(r.headers.get('Content-Disposition')).toBe('attachment; filename="arenden-2026-03-01.csv"');
    expect(r.headers.get('X-Row-Count')).toBe('1');
    expect(new Uint8Array(await r.arrayBuffer()).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('cannot be given a file name that breaks out of the header', () => {
    expect(csvResponse('', 'a"; evil=1\r\nX: y.csv').headers.get('Content-Disposition')).toBe('attachment; filename="a---evil-1--X--y.csv"');
  });
});

describe('the portal writes CSV in one place', () => {
  const HAND_MADE = /\\uFEFF|\uFEFF|\.join\(\s*['"];['"]\s*\)|text\/csv/;

  it('finds a hand-made CSV line or byte order mark outside the writer', () => {
    expect(linesMatching([{ path: 'server/csv.ts', text: "x.join(';')" }, { path: 'server/other.ts', text: "const f = `\\uFEFF${rows.join(';')}`;" }], HAND_MADE, ['server/csv.ts'])).toEqual([
      "server/other.ts:1: const f = `\\uFEFF${rows.join(';')}`;",
    ]);
  });

  it('has no file under src/ but the writer that joins fields with ";" or writes a BOM', () => {
    expect(linesMatching(sourceFiles(), HAND_MADE, ['server/csv.ts'])).toEqual([]);
  });
});

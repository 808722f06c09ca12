import { describe, expect, it } from 'vitest';
import { checkFile, cleanFileName, detectFileKind, storedFileName } from './files.ts';
import { defineService, type QuestionPage } from './definition.ts';
import { validatePage } from './answers.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const PDF = text('%PDF-1.7\n%âãÏÓ\n1 0 obj');

describe('recognising uploaded files by their bytes', () => {
  it.each([
    ['a PDF', PDF, 'pdf'],
    ['a PNG', PNG, 'png'],
    ['a JPEG', JPEG, 'jpeg'],
    ['an HTML page', text('<!doctype html><script>alert(1)</script>'), undefined],
    ['a ZIP (a .docx)', bytes(0x50, 0x4b, 0x03, 0x04), undefined],
    ['an executable', bytes(0x4d, 0x5a, 0x90, 0x00), undefined],
    ['an empty file', bytes(), undefined],
  ])('recognises %s', async (_name, b, kind) => {
    expect(await detectFileKind(b)).toBe(kind);
  });

  it('trusts the bytes, not a name: a script called fullmakt.pdf is refused', async () => {
    expect(await checkFile(text('#!/bin/sh\nrm -rf /'), ['pdf', 'jpeg', 'png'], 1000)).toEqual({ ok: false, code: 'fileType' });
  });

  // What reached a handläggare's browser under its own name before: each named .pdf by the sender.
  it.each([
    ['an HTML application (.hta)', text('<HTA:APPLICATION ID="x"><script language="VBScript">CreateObject("WScript.Shell").Run "cmd"</script>%PDF-1.4')],
    ['a batch file (.cmd)', text('@echo off\r\nREM %PDF-1.4\r\npowershell -enc AAAA\r\n')],
    ['an HTML page with %PDF- in a comment', text('<!doctype html><!-- %PDF-1.7 --><script>fetch("/handlaggning")</script>')],
    ['an SVG image with a script', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!-- %PDF-1.4 --></svg>')],
    ['a PDF signature at offset 100', new Uint8Array([...text('<html>'.padEnd(100, ' ')), ...PDF])],
    ['a PDF signature at offset 1', new Uint8Array([0x20, ...PDF])],
  ])('refuses %s called a PDF', async (_what, b) => {
    expect(await detectFileKind(b)).toBeUndefined();
    expect(await checkFile(b, ['pdf', 'jpeg', 'png'], 10_000)).toEqual({ ok: false, code: 'fileType' });
  });

  it('refuses a file over the limit and a kind the question does not accept', async () => {
    expect(await checkFile(PDF, ['pdf'], PDF.byteLength - 1)).toEqual({ ok: false, code: 'fileTooLarge' });
    expect(await checkFile(PNG, ['pdf'], 1000)).toEqual({ ok: false, code: 'fileType' });
    expect(await checkFile(PNG, ['pdf', 'png'], 1000)).toEqual({ ok: true, kind: 'png' });
  });

  it.each([
    ['kontoutdrag\u202Efdp.exe', 'pdf', 'kontoutdragfdp.pdf'],
    ['kontoutdrag\u202Egpj.hta', 'jpeg', 'kontoutdraggpj.jpg'],
    ['a\u2066b\u2069c\u200E\u200F\u061C.pdf', 'pdf', 'abc.pdf'],
    ['\uFEFF\u200Bintyg.pdf', 'pdf', 'intyg.pdf'],
    ['lön.html', 'pdf', 'lön.pdf'],
    ['bild.svg', 'png', 'bild.png'],
    ['utdrag.cmd', 'pdf', 'utdrag.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['fullmakt', 'pdf', 'fullmakt.pdf'],
    ['fil.PDF', 'pdf', 'fil.pdf'],
  ] as const)('keeps %j, detected as %s, as %j', (raw, kind, stored) => {
    expect(storedFileName(raw, kind)).toBe(stored);
    expect(storedFileName(raw, kind)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  });

  it.each([
    ['C:\\Users\\anna\\fullmakt.pdf', 'fullmakt.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..', 'fil'],
    ['', 'fil'],
    ['a"b<c>.pdf', 'abc.pdf'],
    ['rad\r\nbrytning.pdf', 'radbrytning.pdf'],
    ['höger\u202Etill\u202Cvänster.pdf', 'högertillvänster.pdf'],
  ])('makes the file name %j safe as %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
});

describe('the file field', () => {
  const def = defineService({
    id: 'filtest', version: 1, area: 'aldreomsorg', category: 'forenklad', title: 't', summary: 's',
    start: [{ heading: 'h', paragraphs: 'p' }], submitters: ['self'], requiresEid: false, retention: { yearsAfterClosed: 1 },
    pages: [
      { kind: 'question', id: 'fil', title: 't', fields: [{ type: 'file', name: 'fullmakt', label: 'x:fullmakt.label', maxBytes: 5 * 1024 * 1024 }] },
      { kind: 'checkAnswers', id: 'kontroll', title: 't' },
      { kind: 'confirmation', id: 'klart', title: 't', body: 'b' },
    ],
  });
  const page = def.pages[0] as QuestionPage;
  const ctx = { today: new Date('2026-11-23T12:00:00Z') };
  const codes = (v: string) => {
    const r = validatePage(page, { fullmakt: v }, ctx);
    return r.ok ? [] : r.errors.map((e) => [e.code, e.params]);
  };

  it('reports the server\'s verdict on the upload as the field\'s own error, with the limit in MB', () => {
    expect(codes('error:fileTooLarge')).toEqual([['fileTooLarge', { maxMb: 5 }]]);
    expect(codes('error:fileType')).toEqual([['fileType', { maxMb: 5 }]]);
    expect(codes('')).toEqual([['fileRequired', undefined]]);
  });

  it('refuses a reference that is not one the server made', () => {
    expect(codes('{"id":"../../etc","name":"x","size":1,"kind":"pdf"}')).toEqual([['invalid', undefined]]);
    expect(codes('{"id":"8d1c1a9e-4a7b-4c1e-9f00-0a1b2c3d4e5f","name":"x","size":1,"kind":"exe"}')).toEqual([['invalid', undefined]]);
    expect(codes('not json')).toEqual([['invalid', undefined]]);
  });

  it('cannot sit in a repeating group', () => {
    expect(() =>
      defineService({
        ...def,
        id: 'filgrupp',
        pages: [
          { kind: 'question', id: 'fil', title: 't', fields: [{ type: 'repeat', name: 'g', label: 'l', itemLabel: 'i', min: 1, max: 2, fields: [{ type: 'file', name: 'f', label: 'l' }] }] },
          ...def.pages.slice(1),
        ],
      }),
    ).toThrow(/filgrupp[\s\S]*repeating group cannot hold file fields/);
  });
});

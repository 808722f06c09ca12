import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../db/client.ts';
import { seededService } from './etjanster/seed.ts';
import { defaultForenkladRules } from '../domain/rules/forenklad.ts';
import { translator } from '../i18n/index.ts';
import { testDatabases } from './test-db.ts';
import { receiveSubmission, type Received } from './submissions.ts';
import { findReceipt, receiptRows } from './receipts.ts';

// Version 1 of trygghetslarm: a receipt is always rendered with the version the answers were given to.
const def = seededService('trygghetslarm', 1);
const submittedAt = new Date('2026-11-23T13:05:00Z');
const textParams = { municipality: 'Askersunds kommun', phone: '0583-810 00', email: 'socialtjansten@askersund.se' };

/** A complete trygghetslarm journey; the citizen's own text includes things that look like i18n syntax. */
const answers = {
  personnummer: '19450110-3297',
  folkbokford: 'ja',
  boende: 'ordinart',
  larmtyp: 'mobilt',
  fornamn: 'Greta',
  efternamn: 'Testberg {{municipality}}',
  adress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
  telefon: '070-123 45 67',
  epost: null,
  kontaktpersoner: [
    { namn: 'Nils Testberg', relation: 'son', telefon: '070-111 11 11' },
    { namn: 'Anna Testberg', relation: 'dotter', telefon: '070-222 22 22' },
  ],
  nyckelhantering: 'nyckel',
  nyckelOvrigt: 'Nyckeln finns hos grannen\ncommon:yesNo.ja',
};

const receive = (db: Db, key: string): Promise<Received> =>
  receiveSubmission(db, {
    serviceId: def.id, serviceVersion: def.version, area: def.area, answers, subjectPersonnummer: answers.personnummer,
    subjectName: 'Greta Testberg', submitterName: null, onBehalf: false, idempotencyKey: key,
  }, submittedAt);

describe.each(testDatabases())('a citizen fetching their receipt on $name', (tdb) => {
  let handle: DbHandle;
  let db: Db;
  let mine: Received;
  let other: Received;
  beforeAll(async () => {
    handle = await tdb.open();
    db = handle.db;
    mine = await receive(db, 'trygghetslarm:mine-aaaaaaaaaaaaaaaa');
    other = await receive(db, 'trygghetslarm:other-bbbbbbbbbbbbbbb');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gets the submission when both its id and the idempotency key of the journey match', async () => {
    const row = await findReceipt(db, mine.id, 'trygghetslarm:mine-aaaaaaaaaaaaaaaa');
    expect(row?.reference).toBe(mine.reference);
    expect(row?.submittedAt).toEqual(submittedAt);
    expect(row?.answers).toEqual(answers);
  });

  it('gets nothing with a wrong key, with another submission’s id, or with an id that is not a uuid', async () => {
    expect(await findReceipt(db, mine.id, 'trygghetslarm:other-bbbbbbbbbbbbbbb')).toBeUndefined();
    expect(await findReceipt(db, mine.id, '')).toBeUndefined();
    expect(await findReceipt(db, other.id, 'trygghetslarm:mine-aaaaaaaaaaaaaaaa')).toBeUndefined();
    expect(await findReceipt(db, '00000000-0000-4000-8000-000000000000', 'trygghetslarm:mine-aaaaaaaaaaaaaaaa')).toBeUndefined();
    expect(await findReceipt(db, "' or '1'='1", 'trygghetslarm:mine-aaaaaaaaaaaaaaaa')).toBeUndefined();
  });

  it('shows the stored answers with labels and chosen options translated and the citizen’s text verbatim', async () => {
    const row = (await findReceipt(db, mine.id, 'trygghetslarm:mine-aaaaaaaaaaaaaaaa'))!;
    const rows = receiptRows(def, row.answers, row.submittedAt, translator('sv'), textParams, defaultForenkladRules);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.lines]));
    expect(byLabel['Vilket trygghetslarm vill du ha?']).toEqual(['Mobilt trygghetslarm med GPS']);
    expect(byLabel['Är du folkbokförd i Askersunds kommun?']).toEqual(['Ja']);
    expect(byLabel['Efternamn']).toEqual(['Testberg {{municipality}}']);
    expect(byLabel['Adress där larmet ska finnas']).toEqual(['Storgatan 1', '696 30 Askersund']);
    expect(byLabel['Kontaktpersoner']).toEqual([
      'Kontaktperson 1',
      'Namn: Nils Testberg',
      'Vem är personen för dig? son',
      'Telefonnummer: 070-111 11 11',
      'Kontaktperson 2',
      'Namn: Anna Testberg',
      'Vem är personen för dig? dotter',
      'Telefonnummer: 070-222 22 22',
    ]);
    expect(byLabel['Något mer vi behöver veta? (frivilligt)']).toEqual(['Nyckeln finns hos grannen', 'common:yesNo.ja']);
    expect(rows[0]).toEqual({ label: expect.any(String), lines: ['19450110-3297'] });
  });

  it('shows an optional question left empty as not given, in the reader’s language', async () => {
    const sv = receiptRows(def, answers, submittedAt, translator('sv'), textParams, defaultForenkladRules);
    const en = receiptRows(def, answers, submittedAt, translator('en'), textParams, defaultForenkladRules);
    expect(sv.find((r) => r.label === 'E-postadress (frivilligt)')?.lines).toEqual(['Inte angivet']);
    expect(en.find((r) => r.label === 'Email address (optional)')?.lines).toEqual(['Not given']);
    expect(en.find((r) => r.label === 'Which safety alarm do you want?')?.lines).toEqual(['Mobile safety alarm with GPS']);
  });
});

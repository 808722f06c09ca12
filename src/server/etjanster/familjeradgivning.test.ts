/** Familjerådgivning keeps no journal: the booking never asks for a personnummer. */
import { expect, it } from 'vitest';
import { seededService } from './seed.ts';

const def = seededService('familjeradgivning');

it('never asks for a personnummer: familjerådgivningen keeps no journal', () => {
  const types = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields.map((f) => f.type) : []));
  expect(types).not.toContain('personnummer');
  expect(def.subject?.personnummer).toBeUndefined();
});

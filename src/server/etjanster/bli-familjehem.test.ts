/**
 * Intresseanmälan: bli familjehem: it tells before sending that a utredning with home visits and
 * register checks follows, and asks only the ages of the children at home, never their names.
 */
import { expect, it } from 'vitest';
import { hasKey, translator } from '../../i18n/index.ts';
import { seededService } from './seed.ts';

const def = seededService('bli-familjehem');

it('tells before sending that a utredning with home visits and register checks follows', () => {
  const t = translator('sv');
  const check = def.pages.find((p) => p.kind === 'checkAnswers');
  expect(check?.kind === 'checkAnswers' && check.declaration && hasKey('sv', check.declaration)).toBe(true);
  const declaration = check?.kind === 'checkAnswers' && check.declaration ? t(check.declaration) : '';
  expect(declaration).toContain('hembesök');
  expect(declaration).toContain('register');
});

it('asks only the ages of the children at home, never their names', () => {
  const group = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields : [])).find((f) => f.name === 'barnHemma');
  expect(group?.type === 'repeat' ? group.fields.map((f) => [f.name, f.type]) : []).toEqual([['barnAlder', 'number']]);
});

/** Enkät i lättläst form för gruppbostad enligt LSS (seed 001, Nämndmål 1:1). */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'lss-gruppboende',
  version: 1,
  area: 'funktionsstod',
  unitKinds: ['gruppboende'],
  easyLanguage: true,
  pages: [
    { id: 'trygghet', questions: [{ kind: 'scale', id: 'tryggPersonal', scale: 'enkelFrekvens', indicator: 'lss-gruppboende-trygg-personal' }] },
    {
      id: 'hemma',
      questions: [
        { kind: 'scale', id: 'trivs', scale: 'enkelBra' },
        { kind: 'scale', id: 'bestamma', scale: 'enkelFrekvens' },
      ],
    },
    {
      id: 'personalen',
      questions: [
        { kind: 'scale', id: 'forstar', scale: 'enkelFrekvens' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

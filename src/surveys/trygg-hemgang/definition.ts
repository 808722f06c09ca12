/** Enkät efter trygg hemgång (seed 001, Nämndmål 1:3: andelen nöjda/mycket nöjda med insatsen). */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'trygg-hemgang',
  version: 1,
  area: 'aldreomsorg',
  unitKinds: ['trygg-hemgang'],
  pages: [
    {
      id: 'hemkomsten',
      questions: [
        { kind: 'scale', id: 'trygg', scale: 'trygghet' },
        { kind: 'yesNo', id: 'information', positive: 'ja' },
        { kind: 'scale', id: 'paverka', scale: 'frekvens' },
      ],
    },
    {
      id: 'helheten',
      questions: [
        { kind: 'scale', id: 'nojd', scale: 'nojdhet', indicator: 'trygg-hemgang-nojd' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

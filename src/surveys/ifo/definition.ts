/** Brukarenkät för individ- och familjeomsorgen: kontakt, bemötande och hjälp. */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'ifo',
  version: 1,
  area: 'ifo',
  unitKinds: ['ifo'],
  pages: [
    {
      id: 'kontakten',
      questions: [
        { kind: 'scale', id: 'kontakt', scale: 'latthet' },
        { kind: 'scale', id: 'bemotande', scale: 'bra' },
        { kind: 'scale', id: 'lyssnad', scale: 'frekvens' },
      ],
    },
    {
      id: 'hjalpen',
      questions: [
        { kind: 'scale', id: 'delaktig', scale: 'frekvens' },
        { kind: 'yesNo', id: 'fattHjalp', positive: 'ja' },
        { kind: 'scale', id: 'nojd', scale: 'nojdhet' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

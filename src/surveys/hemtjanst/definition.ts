/** Brukarenkät för hemtjänst, in the style of Socialstyrelsen's "Vad tycker de äldre om äldreomsorgen?". */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'hemtjanst',
  version: 1,
  area: 'aldreomsorg',
  unitKinds: ['hemtjanst'],
  pages: [
    {
      id: 'personalen',
      questions: [
        { kind: 'scale', id: 'hansyn', scale: 'frekvens', indicator: 'hemtjanst-hansyn-asikter' },
        { kind: 'scale', id: 'tider', scale: 'frekvens', indicator: 'hemtjanst-paverka-tider' },
        { kind: 'scale', id: 'tid', scale: 'frekvens' },
      ],
    },
    {
      id: 'bemotande',
      questions: [
        { kind: 'scale', id: 'bemotande', scale: 'bra' },
        { kind: 'scale', id: 'trygg', scale: 'trygghet' },
        { kind: 'scale', id: 'information', scale: 'frekvens' },
      ],
    },
    {
      id: 'helheten',
      questions: [
        { kind: 'scale', id: 'nojd', scale: 'nojdhet' },
        { kind: 'yesNo', id: 'synpunkter', positive: 'ja' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

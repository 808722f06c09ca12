/** Brukarenkät för särskilt boende (vård- och omsorgsboende), in the style of the national survey. */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'sarskilt-boende',
  version: 1,
  area: 'aldreomsorg',
  unitKinds: ['sarskilt-boende'],
  pages: [
    {
      id: 'personalen',
      questions: [
        { kind: 'scale', id: 'hansyn', scale: 'frekvens', indicator: 'sarskilt-boende-hansyn-onskemal' },
        { kind: 'scale', id: 'bemotande', scale: 'bra' },
        { kind: 'scale', id: 'tid', scale: 'frekvens' },
      ],
    },
    {
      id: 'boendet',
      questions: [
        { kind: 'scale', id: 'aktiviteter', scale: 'nojdhet', indicator: 'sarskilt-boende-sociala-aktiviteter' },
        { kind: 'scale', id: 'maten', scale: 'bra' },
        { kind: 'scale', id: 'trygg', scale: 'trygghet' },
        { kind: 'yesNo', id: 'utomhus', positive: 'ja' },
      ],
    },
    {
      id: 'helheten',
      questions: [
        { kind: 'scale', id: 'nojd', scale: 'nojdhet' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

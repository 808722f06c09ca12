/** Enkät i lättläst form för daglig verksamhet enligt LSS (seed 001, Nämndmål 1:1). */
import { defineSurvey } from '../../domain/surveys/definition.ts';

export default defineSurvey({
  id: 'lss-daglig-verksamhet',
  version: 1,
  area: 'funktionsstod',
  unitKinds: ['daglig-verksamhet'],
  easyLanguage: true,
  pages: [
    { id: 'trivas', questions: [{ kind: 'scale', id: 'trivs', scale: 'enkelBra', indicator: 'lss-daglig-verksamhet-trivs' }] },
    { id: 'bestamma', questions: [{ kind: 'scale', id: 'bestamma', scale: 'enkelFrekvens', indicator: 'lss-daglig-verksamhet-bestamma' }] },
    {
      id: 'personalen',
      questions: [
        { kind: 'scale', id: 'personalHjalper', scale: 'enkelFrekvens' },
        { kind: 'scale', id: 'trygg', scale: 'enkelFrekvens' },
      ],
    },
    {
      id: 'sysslor',
      questions: [
        { kind: 'scale', id: 'roligt', scale: 'enkelFrekvens' },
        { kind: 'text', id: 'kommentar', maxLength: 1000 },
      ],
    },
  ],
});

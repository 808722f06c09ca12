/**
 * Orosanmälan – barn: anyone can tell the social services they are worried about a child. A
 * privatperson may stay anonymous (then no question about them is on the path); a yrkesverksam —
 * a mandatory reporter under SoL 14 kap. 1 § — gives workplace, profession, name and phone. The
 * förhandsbedömning is due within 14 days of receipt, and a report that says the child is in danger
 * right now is urgent. The submission concerns the child, whose details are given only as far as known.
 * Texts: ./texts (namespace "orosanmalan-barn") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon } from '../shared-ifo/parts.ts';
import { concernPages, orosanmalanCommon, orosanmalanStart, reporterPages } from '../shared-ifo/orosanmalan.ts';

const T = 'orosanmalan-barn:';

// The answer that makes a report urgent (immediate danger), shared by both orosanmälningar.
export { URGENT } from '../shared-ifo/orosanmalan.ts';

export const CONCERNS = [
  'vald',
  'sexuella-overgrepp',
  'vald-mellan-vuxna',
  'forsummelse',
  'missbruk-vuxen',
  'psykisk-ohalsa-vuxen',
  'barnet-mar-daligt',
  'barnets-missbruk',
  'kriminalitet',
  'heder',
  'skolfranvaro',
  'annat',
] as const;

export default defineService({
  ...ifoCommon,
  ...orosanmalanCommon,
  id: 'orosanmalan-barn',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: orosanmalanStart('orosanmalan-barn'),
  subject: { personnummer: 'barnPersonnummer', name: ['barnFornamn', 'barnEfternamn'] },
  pages: [
    ...reporterPages({ about: 'barn', then: 'akut' }),
    ...concernPages('orosanmalan-barn', CONCERNS),
    {
      kind: 'question',
      id: 'barnet',
      title: `${T}pages.barnet.title`,
      intro: `${T}pages.barnet.intro`,
      fields: [
        { type: 'text', name: 'barnFornamn', label: `${T}fields.barnFornamn.label`, optional: true, maxLength: 100 },
        { type: 'text', name: 'barnEfternamn', label: `${T}fields.barnEfternamn.label`, optional: true, maxLength: 100 },
        { type: 'personnummer', name: 'barnPersonnummer', label: `${T}fields.barnPersonnummer.label`, hint: `${T}fields.barnPersonnummer.hint`, optional: true },
        { type: 'text', name: 'barnAlder', label: `${T}fields.barnAlder.label`, hint: `${T}fields.barnAlder.hint`, optional: true, maxLength: 30, width: 'short' },
        { type: 'address', name: 'barnAdress', label: `${T}fields.barnAdress.label`, hint: `${T}fields.barnAdress.hint`, optional: true, autocomplete: 'off' },
        { type: 'text', name: 'barnSkola', label: `${T}fields.barnSkola.label`, hint: `${T}fields.barnSkola.hint`, optional: true, maxLength: 200 },
      ],
    },
    {
      kind: 'question',
      id: 'familjen',
      title: `${T}pages.familjen.title`,
      fields: [
        { type: 'text', name: 'vardnadshavare', label: `${T}fields.vardnadshavare.label`, hint: `${T}fields.vardnadshavare.hint`, optional: true, maxLength: 300 },
        {
          type: 'radios',
          name: 'vardnadshavareVet',
          label: `${T}fields.vardnadshavareVet.label`,
          hint: `${T}fields.vardnadshavareVet.hint`,
          options: [
            { value: 'ja', label: `${T}fields.vardnadshavareVet.options.ja` },
            { value: 'nej', label: `${T}fields.vardnadshavareVet.options.nej` },
            { value: 'vet-inte', label: `${T}fields.vardnadshavareVet.options.vetInte` },
          ],
        },
        { type: 'textarea', name: 'andraBarn', label: `${T}fields.andraBarn.label`, hint: `${T}fields.andraBarn.hint`, optional: true, maxLength: 1000 },
      ],
    },
    ...ifoClosingPages('orosanmalan-barn', `${T}pages.kontrollera.declaration`),
  ],
});

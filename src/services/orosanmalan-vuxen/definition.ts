/**
 * Orosanmälan – vuxen: concern for an adult or an older person (missbruk, psykisk ohälsa, våld,
 * vanvård or självförsummelse …). The same reporter rules as for a child: a privatperson may stay
 * anonymous, a yrkesverksam identifies themselves. The social services go through the report within
 * 14 days; "the person is in danger right now" makes it urgent. Children in the home are asked about,
 * since they may need a child's assessment of their own.
 * Texts: ./texts (namespace "orosanmalan-vuxen") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon } from '../shared-ifo/parts.ts';
import { concernPages, orosanmalanCommon, orosanmalanStart, reporterPages } from '../shared-ifo/orosanmalan.ts';

const T = 'orosanmalan-vuxen:';

// The answer that makes a report urgent (immediate danger), shared by both orosanmälningar.
export { URGENT } from '../shared-ifo/orosanmalan.ts';

export const CONCERNS = [
  'missbruk',
  'psykisk-ohalsa',
  'sjalvmordstankar',
  'utsatt-for-vald',
  'utovar-vald',
  'sjalvforsummelse',
  'vanvard',
  'ekonomiskt-utnyttjande',
  'bostad',
  'annat',
] as const;

const dontKnow = (name: string) => ({
  type: 'radios' as const,
  name,
  label: `${T}fields.${name}.label`,
  hint: `${T}fields.${name}.hint`,
  options: [
    { value: 'ja', label: `${T}fields.${name}.options.ja` },
    { value: 'nej', label: `${T}fields.${name}.options.nej` },
    { value: 'vet-inte', label: `${T}fields.${name}.options.vetInte` },
  ],
});

export default defineService({
  ...ifoCommon,
  ...orosanmalanCommon,
  id: 'orosanmalan-vuxen',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: orosanmalanStart('orosanmalan-vuxen'),
  subject: { personnummer: 'personPersonnummer', name: ['personFornamn', 'personEfternamn'] },
  pages: [
    ...reporterPages({ about: 'vuxen', then: 'akut' }),
    ...concernPages('orosanmalan-vuxen', CONCERNS),
    {
      kind: 'question',
      id: 'personen',
      title: `${T}pages.personen.title`,
      intro: `${T}pages.personen.intro`,
      fields: [
        { type: 'text', name: 'personFornamn', label: `${T}fields.personFornamn.label`, optional: true, maxLength: 100 },
        { type: 'text', name: 'personEfternamn', label: `${T}fields.personEfternamn.label`, optional: true, maxLength: 100 },
        { type: 'personnummer', name: 'personPersonnummer', label: `${T}fields.personPersonnummer.label`, hint: `${T}fields.personPersonnummer.hint`, optional: true },
        { type: 'text', name: 'personAlder', label: `${T}fields.personAlder.label`, hint: `${T}fields.personAlder.hint`, optional: true, maxLength: 30, width: 'short' },
        { type: 'address', name: 'personAdress', label: `${T}fields.personAdress.label`, hint: `${T}fields.personAdress.hint`, optional: true, autocomplete: 'off' },
        { type: 'phone', name: 'personTelefon', label: `${T}fields.personTelefon.label`, optional: true },
      ],
    },
    {
      kind: 'question',
      id: 'situation',
      title: `${T}pages.situation.title`,
      fields: [dontKnow('personenVet'), dontKnow('barnIHemmet')],
    },
    ...ifoClosingPages('orosanmalan-vuxen', `${T}pages.kontrollera.declaration`),
  ],
});

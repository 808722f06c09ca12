/**
 * The e-tjänst document: one JSON document per version of an e-tjänst, with every text inlined per
 * language (./text.ts), its settings, start page, pages and scenarios (./scenario.ts). It has three
 * forms, made by one factory:
 * - a draft, as the editor saves it: pages and start sections may be references to fragments
 *   (`{ "fragment": "forenklad-villkor", "params": { "then": "larm" } }`), texts may still lack Swedish;
 * - expanded, fragments replaced by their content (what the publish checks read);
 * - published: standalone, Swedish everywhere, every default written out, so the document alone
 *   reproduces the version (what is stored, hashed, exported and compiled for the runtime).
 * Field types and named rules are referenced by name; the field-type registry and `knownRule` are
 * the authority on which exist.
 */
import { z } from 'zod';
import { fieldName, formSchemas, slug } from '../definition.ts';
import { textSchemas } from './text.ts';
import { scenario } from './scenario.ts';

/** The version of the document format itself (not of the e-tjänst). */
export const DOCUMENT_FORMAT = 1;

/** An error code a field type reports ("required", "tooLong"), whose message a field may word itself. */
export const errorCode = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be an error code such as "required"');

/** Any JSON value (a fragment parameter's value, a fragment's content before expansion). */
export const jsonValue = z.json();

/** Where a draft uses a fragment: its name and the values of its parameters. */
export const fragmentRef = z.strictObject({
  fragment: slug,
  params: z.record(fieldName, jsonValue).default({}),
});
export type FragmentRef = z.infer<typeof fragmentRef>;

/** The document's schema for one spelling of texts, standalone and with fragment references allowed. */
function documentSchemas(strictTexts: boolean) {
  const t = textSchemas(strictTexts);
  /** A field's own error messages by code; a code without one shows the portal's common message. */
  const errors = z.record(errorCode, t.text);
  const s = formSchemas(t.text, t.paragraphs, { errors: errors.optional() }, { strict: true });
  const common = { format: z.literal(DOCUMENT_FORMAT), ...s.settings };
  const scenarios = z.array(scenario).default([]);
  return {
    /** The parts, for naming them in the JSON Schema. */
    parts: { ...t, ...s, errors, scenario, fragmentRef },
    standalone: z.strictObject({ ...common, start: z.array(s.startSection).min(1), pages: z.array(s.page).min(3), scenarios }),
    withFragments: z.strictObject({
      ...common,
      start: z.array(z.union([fragmentRef, s.startSection])).min(1),
      pages: z.array(z.union([fragmentRef, s.page])).min(1),
      scenarios,
    }),
  };
}

export const lenientSchemas = documentSchemas(false);
export const strictSchemas = documentSchemas(true);
export const draftDocument = lenientSchemas.withFragments;
export const expandedDocument = lenientSchemas.standalone;
export const publishedDocument = strictSchemas.standalone;

export type DraftDocument = z.infer<typeof draftDocument>;
export type ExpandedDocument = z.infer<typeof expandedDocument>;
export type PublishedDocument = z.infer<typeof publishedDocument>;
export type DocumentPage = ExpandedDocument['pages'][number];
export type DocumentField = Extract<DocumentPage, { kind: 'question' }>['fields'][number];

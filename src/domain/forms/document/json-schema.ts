/**
 * The JSON Schemas of the e-tjänst document format (docs/e-tjanst-*.schema.json), made from the zod
 * schemas that are the authority: the published document (what is exported and imported), a draft
 * (fragment references allowed, texts not yet complete) and a fragment. Reused parts are named
 * definitions ($defs) so that the schema reads like the format's description.
 */
import { z } from 'zod';
import { condition, fieldName, slug } from '../definition.ts';
import { jsonValue, lenientSchemas, strictSchemas } from './schema.ts';
import { answerValue } from './scenario.ts';
import { LANGUAGE_TAG } from './text.ts';
import { fragment, paramDecl } from './fragment.ts';

type Parts = typeof strictSchemas.parts;

function named(parts: Parts): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  const names: [z.ZodType, string][] = [
    [slug, 'Slug'],
    [fieldName, 'FieldName'],
    [condition, 'Condition'],
    [parts.text, 'Text'],
    [parts.paragraphs, 'Paragraphs'],
    [parts.errors, 'ErrorMessages'],
    [parts.option, 'Option'],
    [parts.leafField, 'Field'],
    [parts.repeatField, 'RepeatingGroup'],
    [parts.route, 'Route'],
    [parts.page, 'Page'],
    [parts.startSection, 'StartSection'],
    [parts.scenario, 'Scenario'],
    [parts.fragmentRef, 'FragmentReference'],
    [answerValue, 'AnswerValue'],
    [jsonValue, 'Json'],
  ];
  for (const [schema, id] of names) registry.add(schema, { id });
  return registry;
}

const HEADER = {
  document: {
    title: 'E-tjänst document (published version)',
    description: 'One version of an e-tjänst, standalone: settings, start page, pages, texts per language and scenarios. See docs/e-tjanst-document.md.',
  },
  draft: {
    title: 'E-tjänst document (draft)',
    description: 'A version being written: start sections and pages may be references to fragments, and texts may still lack Swedish. See docs/e-tjanst-document.md.',
  },
  fragment: {
    title: 'E-tjänst fragment',
    description: 'A reusable part of e-tjänster (start sections or pages) with named parameters, expanded into a draft when it is published. See docs/e-tjanst-document.md.',
  },
};

const options = (metadata?: z.core.$ZodRegistry<{ id: string }>) => ({ io: 'input' as const, unrepresentable: 'any' as const, reused: 'inline' as const, ...(metadata ? { metadata } : {}) });

/** A published text's languages are checked in code (its Swedish is required); the schema says the same. */
function withLanguageTags(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = schema.$defs as Record<string, Record<string, unknown>>;
  for (const id of ['Text', 'Paragraphs']) if (defs[id]) defs[id] = { ...defs[id], propertyNames: { type: 'string', pattern: LANGUAGE_TAG.source } };
  return schema;
}

export function documentJsonSchemas(): Record<keyof typeof HEADER, Record<string, unknown>> {
  const with_ = (h: (typeof HEADER)[keyof typeof HEADER], s: Record<string, unknown>) => {
    const { $schema, ...rest } = s;
    return { $schema, ...h, ...rest };
  };
  const fragmentRegistry = z.registry<{ id: string }>();
  fragmentRegistry.add(paramDecl, { id: 'Parameter' });
  fragmentRegistry.add(slug, { id: 'Slug' });
  fragmentRegistry.add(jsonValue, { id: 'Json' });
  return {
    document: with_(HEADER.document, withLanguageTags(z.toJSONSchema(strictSchemas.standalone, options(named(strictSchemas.parts))))),
    draft: with_(HEADER.draft, z.toJSONSchema(lenientSchemas.withFragments, options(named(lenientSchemas.parts)))),
    fragment: with_(HEADER.fragment, z.toJSONSchema(fragment, options(fragmentRegistry))),
  };
}

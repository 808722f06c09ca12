/**
 * A published document as the runtime renders it today: a ServiceDefinition whose texts are i18n
 * keys in a namespace of that version alone (`etj.<id>.v<version>`), and per language an i18next
 * resource bundle for that namespace, each text under its site's key (./sites.ts), its variants as
 * i18next contexts (`title_annan`) and paragraph lists as arrays. A version's texts can therefore not
 * change under it: another version has another namespace. Field error messages sit beside the field's
 * label (`fields.<name>.errors.<code>`), where the error display looks for them.
 */
import { defineService, type ServiceDefinition, type ServiceDefinitionInput } from '../definition.ts';
import type { PublishedDocument } from './schema.ts';
import { mapTexts } from './sites.ts';
import { entryOf, type Text, type Words } from './text.ts';

export type TextBundle = { [key: string]: Words | TextBundle };
export type CompiledVersion = {
  namespace: string;
  definition: ServiceDefinition;
  /** Resource bundles by language, for the namespace. */
  texts: Record<string, TextBundle>;
};

export function namespaceOf(id: string, version: number): string {
  return `etj.${id}.v${version}`;
}

function put(bundle: TextBundle, key: string, words: Words): void {
  const parts = key.split('.');
  let node = bundle;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as TextBundle;
  node[parts[parts.length - 1]!] = words;
}

/** `namespace`: another than the version's own (a draft's preview, which must not share a published version's). */
export function compile(doc: PublishedDocument, opts: { namespace?: string } = {}): CompiledVersion {
  const namespace = opts.namespace ?? namespaceOf(doc.id, doc.version);
  const texts: Record<string, TextBundle> = {};
  const keyed = mapTexts(doc, (text, site) => {
    const t = text as Text<Words>;
    for (const lang of Object.keys(t)) {
      const e = entryOf(t, lang)!;
      const bundle = (texts[lang] ??= {});
      put(bundle, site.key, e.text);
      for (const [variant, words] of Object.entries(e.variants)) put(bundle, `${site.key}_${variant}`, words);
    }
    return `${namespace}:${site.key}`;
  });
  // The definition has no place for the document's format, scenarios or field error texts (now in the bundles).
  const { format: _format, scenarios: _scenarios, ...rest } = keyed;
  const definition = defineService(rest as unknown as ServiceDefinitionInput);
  return { namespace, definition, texts };
}

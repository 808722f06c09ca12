/**
 * Where in the editor a text is written, from its site key (../sites.ts): the settings for the
 * title and summary, a start section's page, a page's page, a question's page. The list of what
 * each language lacks links each text there. Pure.
 */
import type { DraftDocument } from '../schema.ts';
import { ownPages, type Obj } from './common.ts';

/** The editor page (relative to the draft's overview) where the text with site key `key` is written, if it has one. */
export function whereWritten(doc: DraftDocument, key: string): string | undefined {
  const [part, id] = key.split('.');
  if (part === 'title' || part === 'summary') return 'installningar';
  if (part === 'start' && /^\d+$/.test(id ?? '')) return `start/${id}`;
  if (part === 'pages' && id) return `sidor/${id}`;
  if (part === 'fields' && id) {
    const page = ownPages(doc).find((p) => Array.isArray(p.fields) && (p.fields as Obj[]).some((f) => f.name === id));
    if (!page) return undefined;
    return `sidor/${String(page.id)}/${id}`;
  }
  return undefined;
}

/**
 * What the e-tjänst editor's pages share: a draft read with the moment it was last changed (the
 * optimistic check: a change made from an older reading is refused, ./repository.ts updateDraft),
 * a change saved with its audit event, and a dry run of publishing — the checks and the draft's own
 * scenarios, and for the preview its compiled form under a namespace of its own content, so that a
 * preview never puts texts where a published version's are (ADR 0019).
 */
import type { Db } from '../../../db/client.ts';
import { compile, type CompiledVersion } from '../../domain/forms/document/compile.ts';
import { draftDocument, publishedDocument, type DraftDocument, type PublishedDocument } from '../../domain/forms/document/schema.ts';
import { contentHash } from '../../domain/forms/document/hash.ts';
import { expand } from '../../domain/forms/document/fragment.ts';
import { publish } from '../../domain/forms/document/publish.ts';
import { runScenarios, type ScenarioResult } from '../../domain/forms/document/scenario.ts';
import type { Problem } from '../../domain/forms/document/problems.ts';
import { addTexts } from '../../i18n/index.ts';
import type { Edit, Errors } from '../../domain/forms/document/edit.ts';
import type { FormInput } from '../../domain/forms/answers.ts';
import { BadFormError, readForm } from '../http.ts';
import { getDraft, publishedFragments, updateDraft, type Actor, type VersionRow } from './repository.ts';

export type Draft = { row: VersionRow; doc: DraftDocument };

export async function readDraft(db: Db, serviceId: string): Promise<Draft | undefined> {
  const row = await getDraft(db, serviceId);
  if (!row) return undefined;
  const parsed = draftDocument.safeParse(row.document);
  // A draft is only ever stored after it parsed; the one that does not is shown as missing.
  return parsed.success ? { row, doc: row.document as unknown as DraftDocument } : undefined;
}

/** The moment a draft was read, as the editor's forms carry it (`changed`). */
export const stamp = (row: VersionRow): string => row.changedAt.toISOString();

/** Saves a changed draft unless it was changed by someone since `changed` (the form's stamp). */
export async function saveDraft(db: Db, draft: Draft, doc: DraftDocument, changed: string | null, actor: Actor): Promise<'ok' | 'stale' | 'gone'> {
  const expected = changed && !Number.isNaN(Date.parse(changed)) ? new Date(changed) : new Date(0);
  const r = await updateDraft(db, draft.row.serviceId, draft.row.version, { ...doc, id: draft.row.serviceId, version: draft.row.version }, actor, new Date(), expected);
  if (r.ok) return 'ok';
  return r.problems.some((p) => p.code === 'staleDraft') ? 'stale' : 'gone';
}

/**
 * What one of the editor's forms posted came to: `badForm` (unreadable, or an action the page does
 * not have: 400), `saved` (redirect), `invalid` (422: the errors and what was typed, to show again)
 * or `stale` (409: someone changed the draft since it was read; the draft as it is now, if still there).
 */
export type EditPost =
  | { kind: 'badForm' }
  | { kind: 'saved' }
  | { kind: 'invalid'; errors: Errors; posted: Record<string, string>; form: FormInput }
  | { kind: 'stale'; draft: Draft | undefined; posted: Record<string, string>; form: FormInput };

/**
 * The editor's one way of taking a form: read it, apply the page's change to the draft (undefined:
 * no such action), and save it unless the form's stamp says the draft changed since.
 */
export async function postEdit(db: Db, draft: Draft, request: Request, actor: Actor, change: (form: FormInput) => Edit | undefined): Promise<EditPost> {
  let form;
  try {
    form = await readForm(request);
  } catch (e) {
    if (e instanceof BadFormError) return { kind: 'badForm' };
    throw e;
  }
  const edit = change(form);
  if (!edit) return { kind: 'badForm' };
  const posted = Object.fromEntries([...form.raw.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  if (!edit.ok) return { kind: 'invalid', errors: edit.errors, posted, form };
  if ((await saveDraft(db, draft, edit.doc, form.get('changed'), actor)) === 'ok') return { kind: 'saved' };
  return { kind: 'stale', draft: await readDraft(db, draft.row.serviceId), posted, form };
}

export type DryRun = {
  problems: Problem[];
  /** Each scenario's result, when the draft got as far as running them. */
  scenarios: ScenarioResult[] | undefined;
  document: PublishedDocument | undefined;
  /** For the preview: the draft compiled under a namespace of its own content. */
  compiled: CompiledVersion | undefined;
};

/**
 * Publishing, tried without storing: the problems that would refuse it (./repository.ts publishDraft
 * runs the same `publish`), each scenario's result, and the compiled draft for the preview — also
 * when only scenarios fail, so the redaktör can walk the page a failing scenario is about.
 */
export async function dryRun(db: Db, doc: DraftDocument, today = new Date()): Promise<DryRun> {
  const fragments = await publishedFragments(db);
  const result = publish(doc, { fragments: (n) => fragments.get(n), today });
  if (result.ok) {
    const scenarios = runScenarios(result.compiled.definition, result.document.scenarios, { today });
    return { problems: [], scenarios, document: result.document, compiled: previewOf(result.document, result.hash) };
  }
  if (!result.problems.every((p) => p.code === 'scenarioFailed')) return { problems: result.problems, scenarios: undefined, document: undefined, compiled: undefined };
  // Only scenarios failed: the document itself is sound, and can be shown.
  const e = expand(doc, (n) => fragments.get(n));
  const strict = e.ok ? publishedDocument.safeParse(e.document) : undefined;
  if (!strict?.success) return { problems: result.problems, scenarios: undefined, document: undefined, compiled: undefined };
  const document = strict.data;
  const plain = compile(document);
  const scenarios = runScenarios(plain.definition, document.scenarios, { today });
  return { problems: result.problems, scenarios, document, compiled: previewOf(document, contentHash(document)) };
}

function previewOf(document: PublishedDocument, hash: string): CompiledVersion {
  const compiled = compile(document, { namespace: `etj-preview.${document.id}.${hash.slice(0, 16)}` });
  addTexts(compiled.namespace, compiled.texts as Record<string, Record<string, unknown>>);
  return compiled;
}

/** The type of every field of the draft, its fragments' included (for reading a scenario's answers). */
export async function fieldTypesOf(db: Db, doc: DraftDocument): Promise<Map<string, string>> {
  const fragments = await publishedFragments(db);
  const e = expand(doc, (n) => fragments.get(n));
  const out = new Map<string, string>();
  const pages = e.ok ? e.document.pages : (doc.pages as unknown[]);
  for (const p of pages as { kind?: string; fields?: { name: string; type: string }[] }[]) for (const f of p.fields ?? []) out.set(f.name, f.type);
  return out;
}

/**
 * Publishing a draft: expand its fragments, run the publish checks, make it the standalone published
 * form (every default written out), compile it and run its scenarios on the compiled definition, and
 * hash it. Either the published version with its hash and compiled form, or every problem found at the
 * first step that found any: codes and values, which the editor words in the reader's language (a failed
 * scenario's expected and actual values as JSON; describeDifference words them for a developer).
 * Pure: the caller stores the result (and who published it, and when).
 */
import type { ForenkladRules } from '../../rules/forenklad.ts';
import { draftDocument, publishedDocument, type PublishedDocument } from './schema.ts';
import { expand, inDraft, type FragmentSource } from './fragment.ts';
import { publishProblems } from './checks.ts';
import { compile, type CompiledVersion } from './compile.ts';
import { runScenarios } from './scenario.ts';
import { contentHash } from './hash.ts';
import { schemaProblems, type Problem } from './problems.ts';

export type PublishOptions = {
  fragments: FragmentSource;
  /** The day scenarios without a day of their own are judged on. */
  today: Date;
  /** The rule set scenarios start from (default: the default rule set). */
  rules?: ForenkladRules | undefined;
};

export type Publication = { ok: true; document: PublishedDocument; hash: string; compiled: CompiledVersion } | { ok: false; problems: Problem[] };

export function publish(input: unknown, opts: PublishOptions): Publication {
  const draft = draftDocument.safeParse(input);
  if (!draft.success) return { ok: false, problems: schemaProblems(input, draft.error) };
  const expanded = expand(draft.data, opts.fragments);
  if (!expanded.ok) return expanded;
  // Problems are pointed at the draft the redaktör edits, not at the expanded document.
  const problems = publishProblems(expanded.document).map((p) => inDraft(p, expanded.origins));
  if (problems.length > 0) return { ok: false, problems };
  const strict = publishedDocument.safeParse(expanded.document);
  if (!strict.success) return { ok: false, problems: schemaProblems(expanded.document, strict.error).map((p) => inDraft(p, expanded.origins)) };
  const document = strict.data;
  const compiled = compile(document);
  const failed = runScenarios(compiled.definition, document.scenarios, opts).flatMap((r, i) =>
    r.differences.map((d): Problem => ({
      code: 'scenarioFailed',
      params: { scenario: r.name, expectation: d.expectation, expected: JSON.stringify(d.expected), actual: JSON.stringify(d.actual) },
      path: ['scenarios', i],
    })),
  );
  if (failed.length > 0) return { ok: false, problems: failed };
  return { ok: true, document, hash: contentHash(document), compiled };
}

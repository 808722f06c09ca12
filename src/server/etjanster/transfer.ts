/**
 * Moving an e-tjänst version between portals (test and production, or a neighbouring municipality):
 * a published version exported as its JSON document (audited), and a JSON file imported as a new
 * draft (validated against the draft schema; nothing written when it is refused).
 */
import type { Db } from '../../../db/client.ts';
import type { Problem } from '../../domain/forms/document/problems.ts';
import { audit } from '../audit.ts';
import { createDraft, type Actor } from './repository.ts';
import { getPublishedDocument } from './registry.ts';

/** The most an imported document may weigh (the seeded ones are 30–160 kB). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The published document as a file, and the export audited; undefined when there is no such version. */
export async function exportVersion(db: Db, serviceId: string, version: number, actor: Actor): Promise<{ fileName: string; body: string } | undefined> {
  const document = await getPublishedDocument(db, serviceId, version);
  if (!document) return undefined;
  await audit(db, { actorType: 'staff', actorId: actor.actorId, action: 'etjanst.exported', subjectType: 'etjanst', subjectId: serviceId, details: { version }, ip: actor.ip ?? null });
  return { fileName: `${serviceId}-v${version}.json`, body: `${JSON.stringify(document, null, 2)}\n` };
}

export type ImportOutcome = { ok: true; serviceId: string; version: number } | { ok: false; problems: Problem[] };

const refused = (code: string, params: Record<string, string | number> = {}): ImportOutcome => ({ ok: false, problems: [{ code, params, path: [] }] });

/** A JSON file (its bytes) as a new draft of the e-tjänst it names. */
export async function importDraft(db: Db, file: { name: string; bytes: Uint8Array } | undefined, actor: Actor): Promise<ImportOutcome> {
  if (!file || file.bytes.byteLength === 0) return refused('noFile');
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) return refused('tooLarge', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch {
    return refused('notJson');
  }
  return createDraft(db, parsed, actor);
}

/**
 * The municipality's own wording of the decision texts (src/domain/cases/decision-texts.ts) in the
 * database: one row per change, never changed (decision_texts), the newest row of a key and
 * language in force. A change applies to decisions made from then on — a decision records the
 * wording in force when it was made (decisions.texts, written by recordDecision) — so it needs no
 * second administrator (docs/adr/0022): it opens no case data (ADR 0008), and like a change of the
 * rule set it is audited with the text before and after and told to the other administrators.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { decisionTexts, staffUsers } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { decisionTextDef, defaultTemplate, normalised, textProblem, type OwnTexts, type TextProblem } from '../domain/cases/decision-texts.ts';
import { isLang, translator } from '../i18n/index.ts';
import { audit } from './audit.ts';
import { noticeAdmins } from './staff/notices.ts';
import { notificationsQueued } from './notifications/signal.ts';

type Executor = Pick<Db, 'select' | 'selectDistinctOn'>;

/** The municipality's wording in force now: key → language → text (defaults left out). */
export async function currentOwnTexts(db: Executor): Promise<OwnTexts> {
  const rows = await db
    .selectDistinctOn([decisionTexts.key, decisionTexts.lang], { key: decisionTexts.key, lang: decisionTexts.lang, text: decisionTexts.text })
    .from(decisionTexts)
    .orderBy(decisionTexts.key, decisionTexts.lang, desc(decisionTexts.createdAt), desc(decisionTexts.id));
  const own: OwnTexts = {};
  for (const r of rows) if (r.text !== null) (own[r.key] ??= {})[r.lang] = r.text;
  return own;
}

export type TextChange = { id: string; text: string | null; createdAt: Date; by: string | null };

/** Every change of one text in one language, newest first, with who made it. */
export async function textHistory(db: Executor, key: string, lang: string): Promise<TextChange[]> {
  return db
    .select({ id: decisionTexts.id, text: decisionTexts.text, createdAt: decisionTexts.createdAt, by: staffUsers.displayName })
    .from(decisionTexts)
    .leftJoin(staffUsers, eq(staffUsers.id, decisionTexts.createdBy))
    .where(and(eq(decisionTexts.key, key), eq(decisionTexts.lang, lang)))
    .orderBy(desc(decisionTexts.createdAt), desc(decisionTexts.id));
}

export class DecisionTextError extends Error {
  readonly problem: TextProblem | { code: 'notFound' } | { code: 'notEditable' };
  constructor(problem: DecisionTextError['problem']) {
    super(`Decision text refused: ${problem.code}`);
    this.problem = problem;
    this.name = 'DecisionTextError';
  }
}

type Actor = { id: string; ip?: string | null | undefined };

/**
 * Puts the municipality's wording (or, with null, the default back) for one text in one language.
 * Refused with DecisionTextError when the text or language is not one of the portal's or the
 * wording breaks a rule (textProblem). Returns false when nothing changes (the same wording again).
 */
export async function writeDecisionText(db: Db, actor: Actor, key: string, lang: string, wording: string | null, now = new Date()): Promise<boolean> {
  const def = decisionTextDef(key);
  if (!def || !isLang(lang)) throw new DecisionTextError({ code: 'notFound' });
  if (!def.editable) throw new DecisionTextError({ code: 'notEditable' });
  const fallback = defaultTemplate(translator(lang), def);
  let after: string | null = null;
  if (wording !== null) {
    const problem = textProblem(def, fallback, wording);
    if (problem) throw new DecisionTextError(problem);
    after = normalised(wording);
    // The default's own words are the default: stored as such, so a later change of the default reaches it.
    if (after === fallback) after = null;
  }
  const changed = await db.transaction(async (tx) => {
    // One change at a time per text and language, so the audit's "before" is what was replaced.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`decision_texts:${key}:${lang}`}))`);
    const [latest] = await tx
      .select({ text: decisionTexts.text })
      .from(decisionTexts)
      .where(and(eq(decisionTexts.key, key), eq(decisionTexts.lang, lang)))
      .orderBy(desc(decisionTexts.createdAt), desc(decisionTexts.id))
      .limit(1);
    const before = latest?.text ?? null;
    if (before === after) return false;
    const [row] = await tx.insert(decisionTexts).values({ key, lang, text: after, createdBy: actor.id, createdAt: now }).returning({ id: decisionTexts.id });
    await audit(tx, {
      actorType: 'staff',
      actorId: actor.id,
      action: 'decision_text.changed',
      subjectType: 'decision_text',
      subjectId: row!.id,
      // null stands for the portal's default.
      details: { key, lang, before, after },
      ip: actor.ip,
    });
    await noticeAdmins(tx, { kind: 'decision_text_changed', actorId: actor.id, details: { key, lang } }, now);
    return true;
  });
  if (changed) notificationsQueued();
  return changed;
}

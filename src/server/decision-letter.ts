/**
 * The beslutsbrev: a decision as a tagged PDF, in the layout of the receipt (./pdf-layout.ts), in
 * the language the matter was sent in (the Swedish fallback of the receipt for a language the PDF
 * cannot draw). What was decided, by whom and when, the motivering, and what follows from the
 * kind of decision (src/domain/cases/decision-kinds.ts): a besvärshänvisning where the decision can
 * be appealed, how to apply the ordinary way where it cannot. A förhandsbedömning of an anmälan
 * has no letter: the reporter is not told it (secrecy); a professional gets the återkoppling.
 */
import { desc, eq } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import { decisions, staffUsers, submissions } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { citizenSees, decisionKindOf, isDecisionKind, remedyOf, type DecisionKind } from '../domain/cases/decision-kinds.ts';
import { formats } from '../domain/format.ts';
import { isLang, translator, type Lang } from '../i18n/index.ts';
import { decisionLine, decisionText, type OwnTexts } from '../domain/cases/decision-texts.ts';
import { contentLang, namespaceOf } from '../i18n/coverage.ts';
import { textParamsFor } from '../i18n/display.ts';
import { withRules } from '../i18n/text-params.ts';
import { config } from './config.ts';
import { getServiceVersion } from './etjanster/registry.ts';
import { BODY, BOLD, REGULAR, block, heading, renderTaggedPdf } from './pdf-layout.ts';
import { rulesForSubmission } from './rules.ts';

export type DecisionLetterInput = {
  municipality: string;
  serviceTitle: string;
  reference: string;
  lang: Lang;
  kind: DecisionKind;
  outcome: string;
  omfattning: string | null;
  startDate: string | null;
  /** Null where the person does not read the reasoning (an answered question or synpunkt). */
  reasoning: string | null;
  decidedBy: string;
  decidedAt: Date;
  onBehalf?: { submitter: string; subject: string } | undefined;
  t: TFunction;
  textParams: Record<string, string | number>;
  ordinaryApplicationUrl: string;
  /** The municipality's wording in force when the decision was made (decisions.texts). */
  own?: OwnTexts | undefined;
};

export function renderDecisionLetterPdf(input: DecisionLetterInput, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { t, reference } = input;
  return renderTaggedPdf(
    { lang: input.lang, title: t('mina-sidor:letter.documentTitle', { service: input.serviceTitle }), author: input.municipality, date: input.decidedAt, compress: opts.compress },
    (doc, root) => {
      const fmt = formats(input.lang);
      block(doc, root, 'P', input.municipality, BOLD, BODY);
      block(doc, root, 'H1', t('mina-sidor:letter.title'), BOLD, 22, 0.2);
      block(doc, root, 'P', input.serviceTitle, REGULAR, 14, 0.8);
      block(doc, root, 'P', t('mina-sidor:letter.reference', { reference }), BOLD, BODY, 0.2);
      if (input.onBehalf) block(doc, root, 'P', t('mina-sidor:letter.onBehalf', input.onBehalf), REGULAR, BODY, 0.2);
      block(doc, root, 'P', t('mina-sidor:letter.decidedAt', { date: fmt.date(input.decidedAt) }), REGULAR, BODY, 0.2);
      block(doc, root, 'P', t('mina-sidor:letter.decidedBy', { name: input.decidedBy }), REGULAR, BODY, 1);

      heading(doc, root, t('mina-sidor:letter.decisionHeading'));
      block(doc, root, 'P', decisionLine(t, `outcome.${input.outcome}`, input.lang, input.own, input.textParams), BOLD, BODY, 0.4);
      if (input.omfattning) block(doc, root, 'P', `${t('mina-sidor:decision.extent')}: ${input.omfattning}`, REGULAR, BODY, 0.2);
      if (input.startDate) block(doc, root, 'P', `${t('mina-sidor:decision.start')}: ${fmt.date(new Date(`${input.startDate}T12:00:00Z`))}`, REGULAR, BODY, 0.2);
      doc.moveDown(0.6);
      if (input.reasoning !== null) {
        heading(doc, root, t('mina-sidor:decision.reasoning'));
        for (const p of input.reasoning.split(/\n\s*\n/)) block(doc, root, 'P', p.trim(), REGULAR, BODY, 0.4);
        doc.moveDown(0.6);
      }
      const remedy = remedyOf(input.kind);
      heading(doc, root, decisionLine(t, `remedyHeading.${remedy}`, input.lang, input.own, input.textParams));
      for (const p of decisionText(t, `remedy.${remedy}`, input.lang, input.own, input.textParams)) block(doc, root, 'P', p, REGULAR, BODY, 0.4);
      if (remedy === 'applyOrdinary') block(doc, root, 'P', t('mina-sidor:letter.ordinaryLink', { url: input.ordinaryApplicationUrl }), REGULAR, BODY, 0.4);
    },
    (page, count) => t('mina-sidor:letter.footer', { reference, page, count }),
  );
}

/** The language of the letter: the matter's, where the letter's texts and the e-tjänst's all have it; else Swedish. */
export function letterLang(sent: string | null, fallback: Lang, titleNamespace: string): Lang {
  return contentLang(isLang(sent) ? sent : fallback, ['mina-sidor', titleNamespace]);
}

/**
 * The beslutsbrev of the case's latest decision, or undefined when it has none or its kind has no
 * letter (a förhandsbedömning). The caller has checked that the reader may see the case, and audits.
 */
export async function decisionLetter(
  db: Db,
  submissionId: string,
  reader: { lang: Lang; textParams: Record<string, string | number> },
): Promise<{ fileName: string; pdf: Buffer; decisionId: string } | undefined> {
  const [sub] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!sub) return undefined;
  const [d] = await db
    .select({ id: decisions.id, kind: decisions.kind, outcome: decisions.outcome, omfattning: decisions.omfattning, startDate: decisions.startDate, reasoning: decisions.reasoning, texts: decisions.texts, decidedAt: decisions.decidedAt, decidedBy: staffUsers.displayName })
    .from(decisions)
    .leftJoin(staffUsers, eq(staffUsers.id, decisions.decidedBy))
    .where(eq(decisions.submissionId, sub.id))
    .orderBy(desc(decisions.decidedAt), desc(decisions.id))
    .limit(1);
  if (!d) return undefined;
  const def = await getServiceVersion(db, sub.serviceId, sub.serviceVersion);
  if (!def) throw new Error(`E-tjänst "${sub.serviceId}" version ${sub.serviceVersion} is not registered`);
  const kind = isDecisionKind(d.kind) ? d.kind : decisionKindOf(def);
  const sees = citizenSees(kind);
  if (sees === 'nothing') return undefined;
  const lang = letterLang(sub.language, reader.lang, namespaceOf(def.title));
  const t = translator(lang);
  const period = await rulesForSubmission(db, sub);
  const textParams = textParamsFor(def, sub.answers, withRules(reader.textParams, t, lang, period.rules));
  const cfg = config();
  const pdf = await renderDecisionLetterPdf({
    municipality: cfg.MUNICIPALITY_NAME,
    serviceTitle: t(def.title, textParams),
    reference: sub.reference,
    lang,
    kind,
    outcome: d.outcome,
    omfattning: d.omfattning,
    startDate: d.startDate,
    reasoning: sees === 'all' ? d.reasoning : null,
    decidedBy: d.decidedBy ?? cfg.MUNICIPALITY_NAME,
    decidedAt: d.decidedAt,
    onBehalf: sub.onBehalf && sub.submitterName && sub.subjectName ? { submitter: sub.submitterName, subject: sub.subjectName } : undefined,
    t,
    textParams,
    ordinaryApplicationUrl: new URL(cfg.ORDINARY_APPLICATION_URL, cfg.PUBLIC_ORIGIN).href,
    own: d.texts,
  });
  return { fileName: `beslut-${sub.reference}.pdf`, pdf, decisionId: d.id };
}

/** The letter as a download that the browser never renders inline as a page of ours. */
export function pdfResponse(letter: { fileName: string; pdf: Buffer }): Response {
  return new Response(new Uint8Array(letter.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${letter.fileName}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
}

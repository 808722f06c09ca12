/**
 * The case document: a versioned JSON representation of one case, for the JSON export and for the
 * registration backends. Documented in docs/case-export.md, with its JSON Schema in
 * docs/case-export.schema.json; a test validates produced documents against that schema so the
 * documentation and the code cannot drift apart.
 *
 * Answers carry their labels and display values in Swedish, exactly as the definition version the
 * case was submitted under shows them on check-answers and the case page (same rows, same texts).
 * Attachments are described (name, type, size, SHA-256), never included.
 */
import { confirmationsOf } from '../citizen/confirmations.ts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/client.ts';
import { caseEvents, decisions, staffUsers, submissions, uploads } from '../../../db/schema.ts';
import { answerRows } from '../../domain/forms/answers.ts';
import { MEDIA_TYPES, type FileKind } from '../../domain/forms/files.ts';
import { displayLineWithLabel, textParamsFor, type TextParams } from '../../i18n/display.ts';
import { translator } from '../../i18n/index.ts';
import { sharedTextParams, withRules } from '../../i18n/text-params.ts';
import { getServiceVersion } from '../etjanster/registry.ts';
import { config, type Config } from '../config.ts';
import { configuredRules, rulesForSubmission } from '../rules.ts';
import type { ForenkladRules } from '../../domain/rules/forenklad.ts';

/** Raised when a change to the document's shape is not backwards compatible (see docs/case-export.md). */
export const CASE_DOCUMENT_SCHEMA_VERSION = 1;

export type StaffRef = { id: string; username: string | null; displayName: string | null };

export type CaseAnswer = {
  /** The question page and the field's name in the definition. */
  page: string;
  field: string;
  type: string;
  /** The question as the applicant saw it. */
  label: string;
  /** The stored answer (shape depends on `type`); null for an optional question left empty. */
  value: unknown;
  /** The answer as shown, one line each; empty when not given. */
  display: string[];
  /** Sent exactly as prefilled about the applicant: from folkbokföringen or their e-legitimation (absent otherwise). */
  prefilledFrom?: 'folkbokforing' | 'eid';
};

export type CaseAttachment = { id: string; field: string; name: string; type: string; size: number; sha256: string };

export type CaseDecision = {
  id: string;
  outcome: string;
  insats: string | null;
  omfattning: string | null;
  startDate: string | null;
  reasoning: string;
  decidedAt: string;
  decidedBy: StaffRef;
};

export type CaseTimelineEntry = { at: string; kind: string; actor: StaffRef | null; data: Record<string, unknown> };

export type CaseDocument = {
  schemaVersion: typeof CASE_DOCUMENT_SCHEMA_VERSION;
  generatedAt: string;
  id: string;
  reference: string;
  service: { id: string; version: number; hash: string; title: string };
  area: string;
  status: string;
  submittedAt: string;
  updatedAt: string;
  dueAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  subject: { personnummer: string | null; name: string | null };
  /** Who submitted when someone applied for another person ("X för Y"); null otherwise. */
  submitter: { name: string | null; personnummer: string | null } | null;
  onBehalf: boolean;
  /** Who was to confirm the application with their own e-legitimation, and their answer (state, when, assurance level). */
  confirmations: { role: string; personnummer: string; name: string | null; state: string; decidedAt: string | null; assurance: string | null }[];
  assignee: StaffRef | null;
  answers: CaseAnswer[];
  attachments: CaseAttachment[];
  decisions: CaseDecision[];
  timeline: CaseTimelineEntry[];
  /**
   * For a förenklad e-tjänst, the municipality's rule set the case was judged under (its fees, the
   * maxtaxa): the rule-set period recorded when it was received (docs/forenklad-regler.md); null otherwise.
   */
  ruleSet: { periodId: string; validFrom: string; values: ForenkladRules } | null;
};

/** The definition version a case was made against is gone: the answers cannot be labelled. */
export class DefinitionVersionMissingError extends Error {
  constructor(serviceId: string, version: number) {
    super(`Definition ${serviceId} version ${version} is not in the registry`);
    this.name = 'DefinitionVersionMissingError';
  }
}

export type DocumentTexts = { t: TFunction; textParams: TextParams };

/**
 * Swedish texts with the municipality's shared values, as the Swedish pages show them. The rule
 * values here are only a start: a case is shown with the rule set it was judged under.
 */
export function swedishTexts(): DocumentTexts {
  const t = translator('sv');
  const cfg: Config & { SOCIALJOUR_PHONE?: string } = config();
  const contact = {
    municipality: cfg.MUNICIPALITY_NAME,
    phone: cfg.CONTACT_PHONE,
    email: cfg.CONTACT_EMAIL,
    address: cfg.CONTACT_ADDRESS,
    socialjour: cfg.SOCIALJOUR_PHONE ?? cfg.CONTACT_PHONE,
  };
  return { t, textParams: sharedTextParams(t, 'sv', contact, configuredRules()) };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The case with this id as a document; undefined when there is no such case. */
export async function buildCaseDocument(db: Db, submissionId: string, opts: { now?: Date; texts?: DocumentTexts } = {}): Promise<CaseDocument | undefined> {
  const [sub] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!sub) return undefined;
  const def = await getServiceVersion(db, sub.serviceId, sub.serviceVersion);
  if (!def) throw new DefinitionVersionMissingError(sub.serviceId, sub.serviceVersion);
  const { t, textParams: shared } = opts.texts ?? swedishTexts();
  const period = await rulesForSubmission(db, sub);
  const textParams = textParamsFor(def, sub.answers, withRules(shared, t, 'sv', period.rules));

  const [files, decided, events] = await Promise.all([
    db
      .select({ id: uploads.id, field: uploads.fieldName, name: uploads.fileName, kind: uploads.kind, size: uploads.size, sha256: sql<string>`coalesce(${uploads.sha256}, encode(sha256(${uploads.data}), 'hex'))` })
      .from(uploads)
      .where(eq(uploads.submissionId, sub.id))
      .orderBy(asc(uploads.createdAt), asc(uploads.id)),
    db.select().from(decisions).where(eq(decisions.submissionId, sub.id)).orderBy(asc(decisions.decidedAt), asc(decisions.id)),
    db.select().from(caseEvents).where(eq(caseEvents.submissionId, sub.id)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
  ]);

  const staffIds = [...new Set([sub.assigneeId, ...decided.map((d) => d.decidedBy), ...events.map((e) => e.actorId)].filter((id): id is string => !!id))];
  const staff = staffIds.length === 0
    ? []
    : await db.select({ id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName }).from(staffUsers).where(inArray(staffUsers.id, staffIds));
  const ref = (id: string): StaffRef => staff.find((s) => s.id === id) ?? { id, username: null, displayName: null };

  const answers = answerRows(def, sub.answers, { today: sub.submittedAt, rules: period.rules }).map(
    (row): CaseAnswer => ({
      page: row.pageId,
      field: row.field.name,
      type: row.field.type,
      label: t(row.field.label, textParams),
      value: sub.answers[row.field.name] ?? null,
      display: row.lines.map((line) => displayLineWithLabel(t, line, textParams)),
      ...(sub.prefilled?.[row.field.name] ? { prefilledFrom: sub.prefilled[row.field.name] } : {}),
    }),
  );

  return {
    schemaVersion: CASE_DOCUMENT_SCHEMA_VERSION,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    id: sub.id,
    reference: sub.reference,
    service: { id: def.id, version: def.version, hash: sub.serviceHash ?? def.hash, title: t(def.title, textParams) },
    area: sub.area,
    status: sub.status,
    submittedAt: sub.submittedAt.toISOString(),
    updatedAt: sub.updatedAt.toISOString(),
    dueAt: iso(sub.dueAt),
    decidedAt: iso(sub.decidedAt),
    closedAt: iso(sub.closedAt),
    subject: { personnummer: sub.subjectPersonnummer?.replace(/[^0-9]/g, '') ?? null, name: sub.subjectName },
    submitter: sub.onBehalf ? { name: sub.submitterName, personnummer: sub.submitterPersonnummer?.replace(/[^0-9]/g, '') ?? null } : null,
    onBehalf: sub.onBehalf,
    confirmations: ((await confirmationsOf(db, [sub.id])).get(sub.id) ?? []).map((c) => ({ role: c.role, personnummer: c.personnummer.replace(/[^0-9]/g, ''), name: c.decidedName ?? c.name, state: c.state, decidedAt: iso(c.decidedAt), assurance: c.assurance })),
    assignee: sub.assigneeId ? ref(sub.assigneeId) : null,
    answers,
    attachments: files.map((f) => ({ id: f.id, field: f.field, name: f.name, type: MEDIA_TYPES[f.kind as FileKind] ?? 'application/octet-stream', size: f.size, sha256: f.sha256 })),
    decisions: decided.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      insats: d.insats,
      omfattning: d.omfattning,
      startDate: d.startDate,
      reasoning: d.reasoning,
      decidedAt: d.decidedAt.toISOString(),
      decidedBy: ref(d.decidedBy),
    })),
    timeline: [
      { at: sub.submittedAt.toISOString(), kind: 'submitted', actor: null, data: {} },
      ...events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, actor: e.actorId ? ref(e.actorId) : null, data: e.data })),
    ],
    ruleSet: def.forenkladInsats ? { periodId: period.id, validFrom: period.validFrom, values: period.rules } : null,
  };
}

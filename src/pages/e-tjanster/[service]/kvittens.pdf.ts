/**
 * The citizen's PDF receipt (kvittens) of what they just sent, linked from the confirmation page.
 * Only the submission named in this browser's journey cookie can be fetched (its id and the
 * idempotency key must both match), rendered with the definition version it was made against,
 * in the reader's language. Always a download, never cached.
 */
import type { APIRoute } from 'astro';
import { getService, getServiceVersion } from '../../../services/index.ts';
import { paragraphs } from '../../../i18n/index.ts';
import { textParamsFor } from '../../../i18n/display.ts';
import { config } from '../../../server/config.ts';
import { getDb, isUnavailable } from '../../../server/db.ts';
import { loadJourney } from '../../../server/journey-state.ts';
import { findReceipt, receiptRows } from '../../../server/receipts.ts';
import { renderReceiptPdf } from '../../../server/receipt-pdf.ts';
import { forenkladRules } from '../../../server/rules.ts';

export const GET: APIRoute = async ({ params, cookies, locals, rewrite }) => {
  const current = getService(params.service);
  if (!current) return rewrite('/404');
  const receipt = loadJourney(cookies, current, Date.now()).receipt;
  // A cookie from before receipts carried the submission's id and key cannot fetch one.
  if (typeof receipt?.id !== 'string' || typeof receipt.token !== 'string') return rewrite('/404');

  let row;
  try {
    row = await findReceipt(await getDb(), receipt.id, receipt.token);
  } catch (e) {
    if (isUnavailable(e)) return rewrite('/tillfalligt-fel');
    throw e;
  }
  if (!row || row.serviceId !== current.id) return rewrite('/404');
  const def = getServiceVersion(row.serviceId, row.serviceVersion);
  // A published version is never removed; if it is, that is a deployment error, not a missing page.
  if (!def) throw new Error(`E-tjänst "${row.serviceId}" version ${row.serviceVersion} is not registered`);

  const { t, lang } = locals;
  const textParams = textParamsFor(def, row.answers, locals.textParams);
  const cfg = config();
  const confirmation = def.pages.find((p) => p.kind === 'confirmation');
  const pdf = await renderReceiptPdf({
    municipality: cfg.MUNICIPALITY_NAME,
    serviceTitle: t(def.title, textParams),
    reference: row.reference,
    submittedAt: row.submittedAt,
    lang,
    rows: receiptRows(def, row.answers, row.submittedAt, t, textParams, forenkladRules()),
    t,
    contact: { phone: cfg.CONTACT_PHONE, email: cfg.CONTACT_EMAIL },
    next: confirmation ? paragraphs(t, confirmation.body, textParams) : undefined,
    onBehalf: row.onBehalf && row.submitterName && row.subjectName ? { submitter: row.submitterName, subject: row.subjectName } : undefined,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="kvittens-${row.reference}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
};

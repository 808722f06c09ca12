/**
 * The case document: a versioned JSON representation of one case, for export and for the
 * registration backends. Documented in docs/case-export.md, with the JSON Schema in
 * docs/case-export.schema.json (a test keeps the two in step).
 */

export const CASE_DOCUMENT_SCHEMA_VERSION = 1;

export type CaseDocument = {
  schemaVersion: typeof CASE_DOCUMENT_SCHEMA_VERSION;
  [key: string]: unknown;
};

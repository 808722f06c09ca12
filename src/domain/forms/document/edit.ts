/**
 * The editor's changes to a draft document, one part at a time: the settings, a start section, a
 * page, a field, a route, a scenario. Each reads a posted form (flat names such as `title.sv`,
 * `route.0.goto`) and gives either the changed draft or the errors by input name, as codes the
 * editor words in the reader's language. Pure: the editor stores the result with the repository's
 * optimistic check. A draft may lack texts while it is written (a missing Swedish text is refused
 * when it is published, ./checks.ts); what would make the document unreadable (a page id that is not
 * a slug, two fields with one name, a limit that is not a number) is refused here.
 */
export * from './edit/common.ts';
export * from './edit/settings.ts';
export * from './edit/pages.ts';
export * from './edit/routes.ts';
export * from './edit/fields.ts';
export * from './edit/scenarios.ts';
export * from './edit/where.ts';
export * from './edit/rename.ts';
export * from './edit/fragments.ts';
export * from './edit/repeat.ts';

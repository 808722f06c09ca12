/** Element ids for inputs, derived from their answer path, so error links always find their field. */
export function inputId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}
export const hintId = (path: string) => `${inputId(path)}-hint`;
export const errorId = (path: string) => `${inputId(path)}-error`;

/** aria-describedby from the parts that exist. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const v = ids.filter(Boolean).join(' ');
  return v === '' ? undefined : v;
}

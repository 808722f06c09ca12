/**
 * The administrator's staff forms, parsed with zod into error codes that the pages word in the
 * reader's language. Unknown roles or areas in a posted form are dropped, not trusted.
 */
import { z } from 'zod';
import type { FormInput } from '../../domain/forms/answers.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';
import { STAFF_AREAS, STAFF_ROLES, type NewStaffUser } from './users.ts';

export type FormErrors<P extends string> = { path: P; code: string }[];
export type Parsed<T, P extends string> = { ok: true; data: T } | { ok: false; errors: FormErrors<P> };

const known = (values: readonly string[]) => (v: string[]) => [...new Set(v.filter((x) => values.includes(x)))];

const rolesAndAreas = {
  roles: z.array(z.string()).transform(known(STAFF_ROLES)).pipe(z.array(z.string()).min(1, 'rolesRequired')),
  areas: z.array(z.string()).transform(known(STAFF_AREAS)),
};
const newStaff = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'usernameRequired')
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'usernameFormat'),
    displayName: z.string().trim().min(1, 'displayNameRequired').max(200, 'displayNameTooLong'),
    password: z.string().min(1, 'passwordRequired').min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(1024, 'passwordTooLong'),
    email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.email('emailFormat').max(200, 'emailFormat').optional()),
    ...rolesAndAreas,
  });

const rolesForm = z.object(rolesAndAreas);

/** A handläggare needs an area. Checked beside zod, so it is reported together with every other error. */
function areaIssue(form: FormInput): { path: PropertyKey[]; message: string }[] {
  const roles = known(STAFF_ROLES)(form.getAll('roles'));
  const areas = known(STAFF_AREAS)(form.getAll('areas'));
  return [
    ...(roles.includes('handlaggare') && areas.length === 0 ? [{ path: ['areas'], message: 'areasRequired' }] : []),
    // Separation of duties (docs/adr/0008): an administrator never holds a case role.
    ...(roles.includes('handlaggare') && roles.includes('admin') ? [{ path: ['roles'], message: 'adminCaseRole' }] : []),
  ];
}

export type NewStaffPath = 'username' | 'displayName' | 'email' | 'password' | 'roles' | 'areas';
export const NEW_STAFF_PATHS: NewStaffPath[] = ['username', 'displayName', 'email', 'password', 'roles', 'areas'];
export type RolesPath = 'roles' | 'areas';

function firstPerField<P extends string>(issues: { path: PropertyKey[]; message: string }[], paths: readonly P[]): FormErrors<P> {
  const byField = new Map<P, string>();
  for (const issue of issues) {
    const p = paths.find((x) => x === issue.path[0]);
    if (p && !byField.has(p)) byField.set(p, issue.message);
  }
  return paths.flatMap((p) => (byField.has(p) ? [{ path: p, code: byField.get(p) ?? '' }] : []));
}

export function parseNewStaffForm(form: FormInput): Parsed<NewStaffUser, NewStaffPath> {
  const r = newStaff.safeParse({
    username: (form.get('username') ?? '').slice(0, 200),
    displayName: (form.get('displayName') ?? '').slice(0, 1000),
    password: (form.get('password') ?? '').slice(0, 2000),
    email: (form.get('email') ?? '').slice(0, 300),
    roles: form.getAll('roles'),
    areas: form.getAll('areas'),
  });
  const issues = [...(r.success ? [] : r.error.issues), ...areaIssue(form)];
  return r.success && issues.length === 0 ? { ok: true, data: r.data } : { ok: false, errors: firstPerField(issues, NEW_STAFF_PATHS) };
}

export function parseRolesForm(form: FormInput): Parsed<{ roles: string[]; areas: string[] }, RolesPath> {
  const r = rolesForm.safeParse({ roles: form.getAll('roles'), areas: form.getAll('areas') });
  const issues = [...(r.success ? [] : r.error.issues), ...areaIssue(form)];
  return r.success && issues.length === 0 ? { ok: true, data: r.data } : { ok: false, errors: firstPerField(issues, ['roles', 'areas'] as const) };
}

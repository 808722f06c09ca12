import { describe, expect, it } from 'vitest';
import { parseNewStaffForm, parseRolesForm } from './admin-forms.ts';

function form(fields: Record<string, string | string[]>) {
  return {
    get: (n: string) => {
      const v = fields[n];
      return v === undefined ? null : Array.isArray(v) ? (v[0] ?? null) : v;
    },
    getAll: (n: string) => {
      const v = fields[n];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
  };
}

describe('the new staff form', () => {
  it('reports every problem at once, one per field, as codes', () => {
    const r = parseNewStaffForm(form({ username: '', displayName: ' ', password: 'kort', roles: ['handlaggare'] }));
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'username', code: 'usernameRequired' },
        { path: 'displayName', code: 'displayNameRequired' },
        { path: 'password', code: 'passwordTooShort' },
        { path: 'areas', code: 'areasRequired' },
      ],
    });
  });

  it('asks for a role, and drops roles and areas it does not know', () => {
    expect(parseNewStaffForm(form({ username: 'anna', displayName: 'Anna', password: 'ett långt lösenord', roles: ['kung'], areas: ['skola'] }))).toEqual({ ok: false, errors: [{ path: 'roles', code: 'rolesRequired' }] });
    expect(parseNewStaffForm(form({ username: ' Anna.B ', displayName: ' Anna B ', password: 'ett långt lösenord', roles: ['admin', 'admin', 'kung'], areas: ['skola'] }))).toEqual({
      ok: true,
      data: { username: 'anna.b', displayName: 'Anna B', password: 'ett långt lösenord', roles: ['admin'], areas: [] },
    });
  });

  it('refuses a malformed username', () => {
    const r = parseNewStaffForm(form({ username: 'anna andersson', displayName: 'A', password: 'ett långt lösenord', roles: ['admin'] }));
    expect(r).toEqual({ ok: false, errors: [{ path: 'username', code: 'usernameFormat' }] });
  });
});

describe('the roles form', () => {
  it('needs an area for a handläggare and a role for anyone', () => {
    expect(parseRolesForm(form({ roles: ['handlaggare'] }))).toEqual({ ok: false, errors: [{ path: 'areas', code: 'areasRequired' }] });
    expect(parseRolesForm(form({}))).toEqual({ ok: false, errors: [{ path: 'roles', code: 'rolesRequired' }] });
    expect(parseRolesForm(form({ roles: ['analytiker', 'handlaggare'], areas: ['ifo'] }))).toEqual({ ok: true, data: { roles: ['analytiker', 'handlaggare'], areas: ['ifo'] } });
  });
});

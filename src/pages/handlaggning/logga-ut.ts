/**
 * Staff logout (POST only, from the form in the page header or the second-factor step): the
 * session ends in the database, not just in the browser, and the event is audited.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../server/audit.ts';
import { getDb } from '../../server/db.ts';
import { clientAddressOf } from '../../server/staff/client-address.ts';
import { clearStaffCookie, invalidateStaffSession } from '../../server/staff/session.ts';

export const POST: APIRoute = async (ctx) => {
  const { locals, cookies, redirect } = ctx;
  const staff = locals.staff ?? locals.staffPending;
  if (staff) {
    const db = await getDb();
    await invalidateStaffSession(db, staff.session.id);
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'staff.logout', subjectType: 'staff_user', subjectId: staff.user.id, ip: clientAddressOf(ctx) });
  }
  clearStaffCookie(cookies);
  return redirect('/handlaggning/logga-in?utloggad', 303);
};

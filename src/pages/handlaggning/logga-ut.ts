/**
 * Staff logout (POST only, from the form in the page header): the session ends in the database,
 * not just in the browser, and the event is audited.
 */
import type { APIRoute } from 'astro';
import { audit } from '../../server/audit.ts';
import { getDb } from '../../server/db.ts';
import { clearStaffCookie, invalidateStaffSession } from '../../server/staff/session.ts';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  const staff = locals.staff;
  if (staff) {
    const db = await getDb();
    await invalidateStaffSession(db, staff.session.id);
    await audit(db, { actorType: 'staff', actorId: staff.user.id, action: 'staff.logout', subjectType: 'staff_user', subjectId: staff.user.id });
  }
  clearStaffCookie(cookies);
  return redirect('/handlaggning/logga-in?utloggad', 303);
};

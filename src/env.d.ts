/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    lang: import('./i18n/index.ts').Lang;
    /** The reader's own language, when the page is shown in another (server/reader.ts: showPageIn). */
    readerLang?: import('./i18n/index.ts').Lang | undefined;
    t: import('i18next').TFunction;
    /** Values every text may interpolate: municipality, contact details, configured rules. */
    textParams: Record<string, string | number>;
    /** The rule-set period in force for this request (src/server/rules.ts), read per request. */
    rulePeriod: import('./server/rules.ts').RulePeriod;
    /** A fully signed-in member of staff (password and second factor). */
    staff?: import('./server/staff/session.ts').StaffContext | undefined;
    /** A session that has had the password but not yet the second factor (see middleware.ts). */
    staffPending?: import('./server/staff/session.ts').StaffSessionState | undefined;
    /** A citizen logged in with e-legitimation (see middleware.ts); never set on staff pages. */
    citizen?: import('./server/citizen/session.ts').CitizenContext | undefined;
    /**
     * Set by a public page that looks the same to every visitor without cookies (no personal
     * content, no form token): a reverse proxy may keep such a rendering (middleware.ts).
     */
    shared?: boolean;
  }
}

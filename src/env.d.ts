/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    lang: import('./i18n/index.ts').Lang;
    t: import('i18next').TFunction;
    /** Values every text may interpolate: municipality, contact details, configured rules. */
    textParams: Record<string, string | number>;
    staff?: import('./server/staff/session.ts').StaffContext | undefined;
  }
}

/** Column types shared by the schema's tables. */
import { customType } from 'drizzle-orm/pg-core';

/** bytea that reads back as Uint8Array from both pg (Buffer) and PGlite (Uint8Array). */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});

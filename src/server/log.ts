/**
 * Structured logging, one JSON line per event. Never pass answers or personal data: errors are
 * reduced to their name, code and message (pg puts row values in `detail`, which is dropped).
 */
type Level = 'info' | 'warn' | 'error';

function describe(e: unknown): Record<string, unknown> {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}), ...(e.cause ? { cause: describe(e.cause) } : {}) };
  }
  return { value: typeof e };
}

export function log(level: Level, msg: string, fields: Record<string, string | number | boolean | null> = {}, err?: unknown): void {
  const line = JSON.stringify({ at: new Date().toISOString(), level, msg, ...fields, ...(err === undefined ? {} : { err: describe(err) }) });
  if (level === 'error') console.error(line);
  else console.log(line);
}

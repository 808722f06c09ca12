/**
 * The portal's one logger: structured JSON lines through pino, with redaction. Whatever fails, a
 * log line carries no query parameters, answers, personnummer, names or e-mail addresses:
 *
 *  - an error is logged by its class and code only (`{ class, code, cause }`), never its message:
 *    a database driver's message reads "Failed query: … params: <every answer>";
 *  - fields named like personal data (personnummer, name, answers, email, params, query …) are
 *    replaced by "[redacted]" (pino's redaction), whatever their value;
 *  - every other string (fields and the message itself) is scrubbed: anything after "params:",
 *    personnummer-like digit runs and e-mail addresses are replaced, and it is cut to 300 characters.
 *
 * `guardConsole()` sends what libraries write with console.error / console.warn (the framework
 * prints an error's stack, message and all) through the same scrubbing: a stack keeps its class
 * and frames, never its message.
 *
 * `log(level, msg, fields, err)` is the call every module uses.
 */
import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger } from 'pino';

export type Level = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Field names whose values are never written, whatever they hold. */
export const REDACTED_KEYS = [
  'personnummer',
  'pnr',
  'name',
  'fileName',
  'displayName',
  'answers',
  'values',
  'email',
  'to',
  'toAddress',
  'address',
  'ip',
  'params',
  'query',
  'search',
  'detail',
  'message',
  'body',
  'text',
  'comment',
  'password',
  'token',
] as const;

const CENSOR = '[redacted]';
const MAX = 300;

/** Personnummer and samordningsnummer as typed (ÅÅÅÅMMDD-NNNN, ÅÅMMDDNNNN …) and any run of 10–12 digits. */
const PERSONNUMMER = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/g;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

/** A string as it may be logged: no driver parameters, no personnummer, no e-mail address, bounded. */
export function scrubText(s: string): string {
  let out = s;
  // Drivers and query builders append the statement's parameters after "params:"/"parameters:".
  const params = /\b(params|parameters)\s*[:=]/i.exec(out);
  if (params) out = `${out.slice(0, params.index)}${params[1]}: ${CENSOR}`;
  // A failed statement's own text may hold literals: keep the words "Failed query", drop the rest.
  out = out.replace(/(Failed query)[\s\S]*/i, `$1 ${CENSOR}`);
  out = out.replace(PERSONNUMMER, CENSOR).replace(EMAIL, CENSOR);
  return out.length > MAX ? `${out.slice(0, MAX)}…` : out;
}

const CODE = /^[A-Za-z0-9_.:-]{1,40}$/;

export type DescribedError = { class: string; code?: string; constraint?: string; at?: string; cause?: DescribedError };

/** Where an error was thrown: its first stack frame's file and line (no message, no values), for diagnosis. */
function thrownAt(e: Error): string | undefined {
  const frame = (e.stack ?? '').split('\n').find((l) => /^\s+at /.test(l));
  const where = frame ? /\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/.exec(frame)?.[1] : undefined;
  return where ? scrubText(where.replace(/^.*\/(dist|src|node_modules)\//, '$1/')) : undefined;
}

/** An error as it may be logged: its class and code (SQLSTATE, errno name), never its message. */
export function describeError(e: unknown, depth = 0): DescribedError {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) {
    const err = e as Error & { code?: unknown; constraint?: unknown; cause?: unknown };
    const cls = typeof err.constructor?.name === 'string' && err.constructor.name !== 'Object' && err.constructor.name !== 'Error' ? err.constructor.name : String(err.name ?? 'Error');
    const out: DescribedError = { class: CODE.test(cls) ? cls : 'Error' };
    if ((typeof err.code === 'string' || typeof err.code === 'number') && CODE.test(String(err.code))) out.code = String(err.code);
    // A constraint's name is schema, not data: it tells which rule a row broke.
    if (typeof err.constraint === 'string' && CODE.test(err.constraint)) out.constraint = err.constraint;
    const at = e instanceof Error ? thrownAt(e) : undefined;
    if (at) out.at = at;
    if (err.cause !== undefined && depth < 3) out.cause = describeError(err.cause, depth + 1);
    return out;
  }
  return { class: typeof e };
}

function scrubFields(fields: LogFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'string' ? scrubText(v) : v;
  }
  return out;
}

let destination: DestinationStream | undefined;

function makeLogger(dest?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    base: undefined,
    messageKey: 'msg',
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: CENSOR },
  };
  if (dest) return pino(options, dest);
  // Errors to standard error, the rest to standard output, as before.
  return pino(options, pino.multistream([{ level: 'info', stream: process.stdout }, { level: 'error', stream: process.stderr }], { dedupe: true }));
}

let logger: Logger | undefined;

function current(): Logger {
  logger ??= makeLogger(destination);
  return logger;
}

export function log(level: Level, msg: string, fields: LogFields = {}, err?: unknown): void {
  const line: Record<string, unknown> = scrubFields(fields);
  if (err !== undefined) line.err = describeError(err);
  current()[level](line, scrubText(msg));
}

/**
 * Every line logged from now on also goes to `sink` (one JSON line per call), until the returned
 * function is called. For tests that assert what the log holds.
 */
export function captureLog(sink: (line: string) => void): () => void {
  const previous = logger;
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l !== '') sink(l);
      done();
    },
  });
  logger = makeLogger(stream);
  return () => {
    logger = previous;
  };
}

const STACK_FRAME = /^\s+at /m;

/** What a library printed, as it may be logged: a stack keeps its first word (the class) and its frames. */
export function scrubConsole(args: unknown[]): string {
  return args
    .map((a) => {
      if (a instanceof Error) return JSON.stringify(describeError(a));
      const s = typeof a === 'string' ? a : (() => {
        try {
          return JSON.stringify(a) ?? String(a);
        } catch {
          return String(a);
        }
      })();
      if (STACK_FRAME.test(s)) {
        const lines = s.split('\n');
        const head = /^[\s\S]*?([A-Za-z_$][\w$]*(?:Error|Exception))\b/.exec(lines[0] ?? '')?.[1] ?? 'Error';
        return [head, ...lines.filter((l) => /^\s+at /.test(l)).slice(0, 12).map((l) => scrubText(l))].join('\n');
      }
      return scrubText(s);
    })
    .join(' ');
}

const GUARDED = Symbol.for('socialtjanstportalen.consoleGuarded');

/** Routes console.error and console.warn through the scrubbing above (once per process). */
export function guardConsole(): void {
  const c = console as Console & { [GUARDED]?: boolean };
  if (c[GUARDED]) return;
  c[GUARDED] = true;
  console.error = (...args: unknown[]) => log('error', 'console.error', { output: scrubConsole(args) });
  console.warn = (...args: unknown[]) => log('warn', 'console.warn', { output: scrubConsole(args) });
}

import { afterEach, describe, expect, it } from 'vitest';
import { captureLog, describeError, log, scrubConsole, scrubText } from './log.ts';

const ANSWERS = ['20121212-1212', 'Tintin Testsson', 'Han slår mig varje kväll', 'mamma@example.se'];

/** A driver error as drizzle wraps a pg error: the message holds the statement and its parameters. */
function driverError(): Error {
  const pg = Object.assign(new Error('new row for relation "submissions" violates check constraint "x"'), { code: '23514', constraint: 'submissions_x_check', detail: `Failing row contains (${ANSWERS.join(', ')})` });
  const e = new Error(`Failed query: insert into "submissions" ("answers") values ($1)\nparams: ${JSON.stringify({ barn: ANSWERS[0], namn: ANSWERS[1], oro: ANSWERS[2], epost: ANSWERS[3] })}`, { cause: pg });
  e.name = 'DrizzleQueryError';
  return e;
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function captured(): string[] {
  const lines: string[] = [];
  stop = captureLog((l) => lines.push(l));
  return lines;
}

describe('the logger', () => {
  it('logs a driver error by class, code and constraint, never its message, detail or parameters', () => {
    const lines = captured();
    log('error', 'submission failed', { serviceId: 'orosanmalan-barn' }, driverError());
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', msg: 'submission failed', serviceId: 'orosanmalan-barn', err: { class: 'DrizzleQueryError', cause: { code: '23514', constraint: 'submissions_x_check' } } });
    for (const a of ANSWERS) expect(lines[0]).not.toContain(a);
    expect(lines[0]).not.toMatch(/Failed query|params/);
  });

  it('redacts fields named like personal data, whatever their value', () => {
    const lines = captured();
    log('warn', 'something', { personnummer: 'x', name: 'Tintin', email: 'a', answers: '{}', ip: '10.0.0.1', query: '?q=1', serviceId: 'tvatt' });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const k of ['personnummer', 'name', 'email', 'answers', 'ip', 'query']) expect(line[k]).toBe('[redacted]');
    expect(line.serviceId).toBe('tvatt');
  });

  it('scrubs personnummer, e-mail addresses and driver parameters from any string', () => {
    expect(scrubText('for 20121212-1212 and 121212+1212 and 201212121212')).not.toMatch(/\d{6}/);
    expect(scrubText('to mamma@example.se failed')).toBe('to [redacted] failed');
    expect(scrubText('Failed query: select 1 where x = $1 params: 20121212-1212')).toBe('Failed query [redacted]');
    expect(scrubText('x'.repeat(1000)).length).toBeLessThan(310);
  });

  it('keeps what a library prints about an error to its class and stack frames', () => {
    const e = driverError();
    const printed = scrubConsole([e.stack]);
    expect(printed.split('\n')[0]).toBe('DrizzleQueryError');
    expect(printed).toMatch(/^\s+at /m);
    for (const a of ANSWERS) expect(printed).not.toContain(a);
    expect(scrubConsole([e])).toBe(JSON.stringify(describeError(e)));
  });

  it('describes what is not an Error by its type alone', () => {
    expect(describeError('Tintin Testsson')).toEqual({ class: 'string' });
    expect(describeError(Object.assign(new TypeError('20121212-1212'), { code: 'ERR_X' }))).toEqual({ class: 'TypeError', code: 'ERR_X', at: expect.stringMatching(/log\.test\.ts:\d+:\d+$/) });
  });
});

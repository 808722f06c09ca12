import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('never turns demo mode on by itself: without DATABASE_URL too it needs DEMO_MODE=true, else a cookie secret', () => {
    expect(() => parseConfig({})).toThrow(/COOKIE_SECRET/);
    expect(parseConfig({ COOKIE_SECRET: 'x'.repeat(40) }).DEMO_MODE).toBe(false);
    expect(parseConfig({ DEMO_MODE: 'false', COOKIE_SECRET: 'x'.repeat(40) }).DEMO_MODE).toBe(false);
  });

  it('runs a demo on embedded PGlite with defaults when DEMO_MODE=true', () => {
    const c = parseConfig({ DEMO_MODE: 'true' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DEMO_MODE).toBe(true);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.PORT).toBe(4321);
    expect(c.PUBLIC_ORIGIN).toBe('http://localhost:4321');
    expect(c.MUNICIPALITY_NAME).toBe('Askersunds kommun');
    expect(c.secureCookies).toBe(false);
  });

  it('fails fast, naming the variable, when a value is malformed', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseConfig({ DEMO_MODE: 'maybe' })).toThrow(/DEMO_MODE/);
  });

  it('leases a job for five minutes unless JOB_LEASE_SECONDS says otherwise, never shorter than a webhook call, an e-mail or an SMS', () => {
    expect(parseConfig({ DEMO_MODE: 'true' }).JOB_LEASE_SECONDS).toBe(300);
    expect(parseConfig({ DEMO_MODE: 'true', JOB_LEASE_SECONDS: '15', WEBHOOK_TIMEOUT_MS: '2000' }).JOB_LEASE_SECONDS).toBe(15);
    expect(() => parseConfig({ DEMO_MODE: 'true', JOB_LEASE_SECONDS: '10' })).toThrow(/JOB_LEASE_SECONDS.*WEBHOOK_TIMEOUT_MS/);
    expect(() => parseConfig({ DEMO_MODE: 'true', JOB_LEASE_SECONDS: '0' })).toThrow(/JOB_LEASE_SECONDS/);
    // An e-mail or an SMS may take as long as SEND_TIMEOUT_MS: the lease outlasts that too.
    expect(() => parseConfig({ DEMO_MODE: 'true', JOB_LEASE_SECONDS: '15', WEBHOOK_TIMEOUT_MS: '2000', SEND_TIMEOUT_MS: '20000' })).toThrow(/JOB_LEASE_SECONDS.*SEND_TIMEOUT_MS/);
    expect(parseConfig({ DEMO_MODE: 'true', JOB_LEASE_SECONDS: '15', WEBHOOK_TIMEOUT_MS: '2000', SEND_TIMEOUT_MS: '3000' }).SEND_TIMEOUT_MS).toBe(3000);
  });

  it('runs the first gallring ten minutes after start unless GALLRING_FIRST_RUN_SECONDS says otherwise', () => {
    expect(parseConfig({ DEMO_MODE: 'true' }).GALLRING_FIRST_RUN_SECONDS).toBe(600);
    expect(parseConfig({ DEMO_MODE: 'true', GALLRING_FIRST_RUN_SECONDS: '3' }).GALLRING_FIRST_RUN_SECONDS).toBe(3);
    expect(() => parseConfig({ DEMO_MODE: 'true', GALLRING_FIRST_RUN_SECONDS: '-1' })).toThrow(/GALLRING_FIRST_RUN_SECONDS/);
  });

  it('requires a cookie secret outside demo mode', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://db/x' })).toThrow(/COOKIE_SECRET/);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://db/x', COOKIE_SECRET: 'short' })).toThrow(/COOKIE_SECRET/);
    const c = parseConfig({ DATABASE_URL: 'postgres://db/x', COOKIE_SECRET: 'x'.repeat(40) });
    expect(c.DEMO_MODE).toBe(false);
  });

  it('treats empty values as unset and turns on Secure cookies for an https origin', () => {
    const c = parseConfig({ DATABASE_URL: '', DEMO_MODE: 'true', PUBLIC_ORIGIN: 'https://etjanster.example.se', FORENKLAD_AGE_LIMIT: '80' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.secureCookies).toBe(true);
    expect(c.FORENKLAD_AGE_LIMIT).toBe(80);
  });

  it('reads office hours, closed dates and the socialjour contacts, and refuses ones it cannot read', () => {
    const c = parseConfig({ DEMO_MODE: 'true', OFFICE_HOURS: 'mon-thu 08:00-16:30; fri 08:00-15:00', OFFICE_CLOSED_DATES: '2026-12-28, 2026-12-29', SOCIALJOUR_ALERT_PHONES: '+46 70-123 45 67', SOCIALJOUR_ALERT_EMAILS: 'jour@example.se' });
    expect(c.officeHours.open).toHaveLength(5);
    expect([...c.officeHours.closedDates]).toEqual(['2026-12-28', '2026-12-29']);
    expect(c.officeHours.publicHolidays).toBe(true);
    expect(c.SOCIALJOUR_ALERT_PHONES).toEqual(['+46701234567']);
    expect(c.SOCIALJOUR_ALERT_EMAILS).toEqual(['jour@example.se']);
    expect(parseConfig({ DEMO_MODE: 'true' }).officeHours.open).toHaveLength(5);
    expect(() => parseConfig({ DEMO_MODE: 'true', OFFICE_HOURS: 'weekdays 8-16' })).toThrow(/OFFICE_HOURS/);
    expect(() => parseConfig({ DEMO_MODE: 'true', OFFICE_CLOSED_DATES: '28/12' })).toThrow(/OFFICE_CLOSED_DATES/);
    expect(() => parseConfig({ DEMO_MODE: 'true', SOCIALJOUR_ALERT_PHONES: '0701234567' })).toThrow(/SOCIALJOUR_ALERT_PHONES/);
    expect(() => parseConfig({ DEMO_MODE: 'true', SMPP_URL: 'http://smsc' })).toThrow(/SMPP_URL/);
  });

  it('looks nothing up in a population register unless asked; the demo register only in demo mode', () => {
    const secret = { COOKIE_SECRET: 'x'.repeat(40) };
    expect(parseConfig(secret).POPULATION_REGISTER).toBe('none');
    expect(parseConfig({ DEMO_MODE: 'true' }).POPULATION_REGISTER).toBe('demo');
    expect(parseConfig({ DEMO_MODE: 'true', POPULATION_REGISTER: 'none' }).POPULATION_REGISTER).toBe('none');
    expect(() => parseConfig({ ...secret, POPULATION_REGISTER: 'demo' })).toThrow(/POPULATION_REGISTER/);
    expect(() => parseConfig({ ...secret, POPULATION_REGISTER: 'spar' })).toThrow(/POPULATION_REGISTER/);
    expect(() => parseConfig({ ...secret, MUNICIPALITY_CODE: '188' })).toThrow(/MUNICIPALITY_CODE/);
    expect(parseConfig(secret)).toMatchObject({ MUNICIPALITY_CODE: '1882', POPULATION_REGISTER_TIMEOUT_MS: 3000 });
  });
});

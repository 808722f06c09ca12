/**
 * A browser's cookies for tests of code that reads and writes them through a CookieJar (journeys,
 * sealed values): what was set is read back on the next request, as a browser sends it.
 */
import type { CookieJar } from './sealed-cookie.ts';

export class TestCookies implements CookieJar {
  readonly values = new Map<string, string>();
  /** Every cookie set, with its options, in order. */
  readonly written: { name: string; maxAge: number | undefined }[] = [];

  get(name: string) {
    const value = this.values.get(name);
    return value === undefined ? undefined : { value, json: () => JSON.parse(value) as unknown, number: () => Number(value), boolean: () => value === 'true' };
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  set(name: string, value: string | Record<string, unknown>, options?: { maxAge?: number }): void {
    this.values.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    this.written.push({ name, maxAge: options?.maxAge });
  }

  delete(name: string): void {
    this.values.delete(name);
  }

  /** The names of the cookies held now. */
  names(): string[] {
    return [...this.values.keys()];
  }
}

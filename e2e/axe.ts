/**
 * Every page visited in e2e is valid HTML (html-validate's standard rules) and passes axe's
 * WCAG 2.0/2.1/2.2 A and AA rules and its best-practice rules (landmarks, headings, regions) with
 * zero violations. axe runs as a script, and citizen pages
 * are tested with JavaScript off, so the page's HTML is served again, at its own URL, into a
 * JavaScript-enabled tab and scanned there.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // Astro writes `<!DOCTYPE html>`; both spellings are valid.
    'doctype-style': 'off',
    // Serialised DOM closes void elements its own way; both are valid HTML.
    'void-style': 'off',
  },
});

export async function expectValidHtml(html: string, url: string): Promise<void> {
  const report = await validator.validateString(html, url);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
  expect(problems, `HTML validation of ${url}`).toEqual([]);
}

export async function expectAccessible(page: Page): Promise<void> {
  const html = await page.content();
  const url = page.url();
  await expectValidHtml(html, url);
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible needs a page from a launched browser');
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE' });
  try {
    const scan = await context.newPage();
    await scan.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await scan.goto(url);
    const results = await new AxeBuilder({ page: scan }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
    expect(summary, `axe violations on ${url}`).toEqual([]);
  } finally {
    await context.close();
  }
}

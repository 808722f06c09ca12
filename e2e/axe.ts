/**
 * Every page visited in e2e passes axe's WCAG 2.0/2.1/2.2 A and AA rules with zero violations.
 * axe runs as a script, and citizen pages are tested with JavaScript off; so the page's exact HTML
 * is served again, at its own URL, into a JavaScript-enabled tab and scanned there.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAccessible(page: Page): Promise<void> {
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible needs a page from a launched browser');
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE' });
  try {
    const scan = await context.newPage();
    await scan.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await scan.goto(url);
    const results = await new AxeBuilder({ page: scan }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
    expect(summary, `axe violations on ${url}`).toEqual([]);
  } finally {
    await context.close();
  }
}

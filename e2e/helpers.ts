/** Keyboard-only helpers: reach an element with Tab alone, as someone without a mouse would. */
import { stockholmDay } from '../src/domain/format.ts';
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus; fails if it cannot be reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/**
 * Choose a radio or checkbox with the keyboard. A radio group is one Tab stop: Tab reaches the
 * group, the arrow keys move between its options, Space chooses.
 */
export async function choose(page: Page, target: Locator, max = 60): Promise<void> {
  const isRadio = (await target.getAttribute('type')) === 'radio';
  if (!isRadio) {
    await tabTo(page, target, max);
  } else {
    const name = await target.getAttribute('name');
    const inGroup = () => page.evaluate((n) => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'radio' && el.name === n;
    }, name);
    let reached = false;
    for (let i = 0; i < max && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await inGroup();
    }
    if (!reached) throw new Error(`Could not reach the radio group "${name}" with the Tab key`);
    for (let i = 0; i < 10; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('ArrowDown');
    }
  }
  await page.keyboard.press('Space');
  await expect(target).toBeChecked();
}

export async function pressButton(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Test personnummer from Skatteverket's list: 81 years old, and 36 years old, on the test date. */
export const OLD_ENOUGH = '19450110-3297';
export const TOO_YOUNG = '19900101-2385';

/**
 * How far the page is wider than the viewport (0 when it reflows), and the outermost elements that
 * reach past its right edge (outside any scrolling container), to say what to mend.
 */
export async function widerThanViewport(page: Page): Promise<{ over: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    if (over <= 0) return { over: 0, culprits: [] };
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement ?? null; e && e !== document.body; e = e.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e));
    const outermost = wide.filter((e) => !wide.some((o) => o !== e && o.contains(e) && o.getBoundingClientRect().right >= e.getBoundingClientRect().right));
    const describe = (e: Element) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}> ${Math.round(e.getBoundingClientRect().right)} px`;
    // Text that does not wrap overflows its box without widening it: name the text.
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && texts.length < 4; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const right = range.getBoundingClientRect().right;
      if (right > width + 0.5 && !scrolls(n.parentElement?.firstElementChild ?? null) && !scrolls(n as unknown as Element)) texts.push(`"${(n.textContent ?? '').trim().slice(0, 40)}" in <${n.parentElement?.tagName.toLowerCase()}> ${Math.round(right)} px`);
    }
    return { over, culprits: [...outermost.slice(0, 4).map(describe), ...texts] };
  });
}

/** The month `offset` months from this one in Sweden, as a month field posts it ("2027-01"). */
export function monthFromNow(offset: number): string {
  const [y = 0, m = 1] = stockholmDay(new Date()).split('-').map(Number);
  const i = y * 12 + (m - 1) + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

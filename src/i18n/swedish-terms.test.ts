import { describe, expect, it } from 'vitest';
import { markSwedishTerms } from './swedish-terms.ts';

describe('markSwedishTerms', () => {
  it('wraps a Swedish term in English text, the longest term as one', () => {
    expect(markSwedishTerms('<p>Apply for ekonomiskt bistånd online.</p>')).toBe('<p>Apply for <span lang="sv">ekonomiskt bistånd</span> online.</p>');
    expect(markSwedishTerms('<p>A god man or förvaltare.</p>')).toBe('<p>A <span lang="sv">god man</span> or <span lang="sv">förvaltare</span>.</p>');
  });

  it('takes a term across a line break, in any case, with a genitive', () => {
    expect(markSwedishTerms('<p>Ekonomiskt\n bistånd</p>')).toBe('<p><span lang="sv">Ekonomiskt\n bistånd</span></p>');
    expect(markSwedishTerms("<p>Försäkringskassan's decision</p>")).toBe(`<p><span lang="sv">Försäkringskassan's</span> decision</p>`);
  });

  it('leaves a word that only contains a term', () => {
    expect(markSwedishTerms('<p>godmanship, xhemtjänst, bistånd-x</p>')).toBe('<p>godmanship, xhemtjänst, bistånd-x</p>');
  });

  it('never changes a tag or an attribute value, even one holding ">"', () => {
    const html = '<input name="a" value="a > hemtjänst" aria-label=\'hemtjänst\'><label for="a">hemtjänst</label>';
    expect(markSwedishTerms(html)).toBe('<input name="a" value="a > hemtjänst" aria-label=\'hemtjänst\'><label for="a"><span lang="sv">hemtjänst</span></label>');
  });

  it('leaves elements whose content is not markup or may hold no element', () => {
    const html =
      '<title>hemtjänst</title><textarea name="x">hemtjänst</textarea><select><option>hemtjänst</option></select><script>"hemtjänst"</script><svg><text>hemtjänst</text></svg><p>hemtjänst</p>';
    expect(markSwedishTerms(html)).toBe(
      '<title>hemtjänst</title><textarea name="x">hemtjänst</textarea><select><option>hemtjänst</option></select><script>"hemtjänst"</script><svg><text>hemtjänst</text></svg><p><span lang="sv">hemtjänst</span></p>',
    );
  });

  it('keeps comments, the doctype and a page without terms as they are', () => {
    const html = '<!DOCTYPE html><html lang="en"><!-- hemtjänst --><body><p>Nothing here &amp; more</p></body></html>';
    expect(markSwedishTerms(html)).toBe(html);
  });

  it('reads an unterminated tag or element to the end without losing text', () => {
    expect(markSwedishTerms('<p>hemtjänst</p><textarea>hemtjänst')).toBe('<p><span lang="sv">hemtjänst</span></p><textarea>hemtjänst');
    expect(markSwedishTerms('<p title="x>hemtjänst')).toBe('<p title="x>hemtjänst');
  });
});

describe('numbers written in parts on a right-to-left page', () => {
  it('read left to right: a phone number, a personnummer, a date and a reference', () => {
    expect(markSwedishTerms('<p>على الرقم 0583-810 00.</p>', { rtl: true })).toBe('<p>على الرقم <span dir="ltr">0583-810 00</span>.</p>');
    expect(markSwedishTerms('<p>رقم 19450110-3297 في 2026-12-06، المرجع 2026-000123</p>', { rtl: true })).toBe(
      '<p>رقم <span dir="ltr">19450110-3297</span> في <span dir="ltr">2026-12-06</span>، المرجع <span dir="ltr">2026-000123</span></p>',
    );
  });

  it('leaves a single number, attributes, a left-to-right page and the Swedish terms as they were', () => {
    expect(markSwedishTerms('<p>اتصل بالرقم 112</p>', { rtl: true })).toBe('<p>اتصل بالرقم 112</p>');
    expect(markSwedishTerms('<a href="tel:0583-810 00" title="0583-810 00">هاتف</a>', { rtl: true })).toBe('<a href="tel:0583-810 00" title="0583-810 00">هاتف</a>');
    expect(markSwedishTerms('<p>Call 0583-810 00.</p>')).toBe('<p>Call 0583-810 00.</p>');
    expect(markSwedishTerms('<textarea>0583-810 00</textarea>', { rtl: true })).toBe('<textarea>0583-810 00</textarea>');
    expect(markSwedishTerms('<p>(socialjouren) 0583-810 00</p>', { rtl: true })).toBe('<p>(<span lang="sv">socialjouren</span>) <span dir="ltr">0583-810 00</span></p>');
  });
});

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

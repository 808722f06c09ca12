import { describe, expect, it } from 'vitest';
import { aterkopplingOf, decisionKindOf, OUTCOMES_BY_KIND, remedyOf } from './decision-kinds.ts';

describe('decision kinds', () => {
  it('follow from the matter and the category of the e-tjänst', () => {
    expect(decisionKindOf({ matter: 'ansokan', category: 'forenklad' })).toBe('ansokanForenklad');
    expect(decisionKindOf({ matter: 'ansokan', category: 'ifo' })).toBe('ansokan');
    expect(decisionKindOf({ matter: 'anmalan', category: 'ifo' })).toBe('anmalan');
    expect(decisionKindOf({ matter: 'fraga', category: 'ifo' })).toBe('fraga');
    expect(decisionKindOf({ matter: 'synpunkt', category: 'synpunkter' })).toBe('synpunkt');
  });

  it('offer hänvisning to an ordinary ansökan on förenklad e-tjänster only, and no ansökan outcome on an anmälan', () => {
    expect(OUTCOMES_BY_KIND.ansokanForenklad).toContain('hanvisad');
    expect(OUTCOMES_BY_KIND.ansokan).not.toContain('hanvisad');
    expect(OUTCOMES_BY_KIND.anmalan).toEqual(['utredning', 'ingenUtredning', 'pagaende', 'overlamnad']);
  });

  it('say that only an ordinary ansökan can be appealed and a förenklad one leads to the ordinary way', () => {
    expect(remedyOf('ansokan')).toBe('appeal');
    expect(remedyOf('ansokanForenklad')).toBe('applyOrdinary');
    for (const k of ['anmalan', 'fraga', 'synpunkt'] as const) expect(remedyOf(k)).toBe('none');
  });

  it('tell a reporter only whether an investigation was started', () => {
    expect(aterkopplingOf('utredning')).toBe('inleds');
    expect(aterkopplingOf('ingenUtredning')).toBe('inledsInte');
    expect(aterkopplingOf('pagaende')).toBe('pagar');
    expect(aterkopplingOf('overlamnad')).toBeUndefined();
    expect(aterkopplingOf('avslag')).toBeUndefined();
  });
});

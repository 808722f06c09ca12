/**
 * A translator that remembers its answers for the calls pages make again and again: a key with no
 * values, or with the shared text values of its language (the same values every time), or with
 * only a context (a variant chosen by the definition, such as "ansökan" or "anmälan", or by an
 * answer among fixed choices, such as applying for oneself or for someone else); the shared values
 * may come with such a context and as a list of paragraphs. The texts do not change while the
 * server runs, so such an answer never changes; i18next's own lookup (fallbacks, namespaces,
 * nesting, interpolation) took about a third of a page's rendering. Any other call (values from a person's answers, a count) goes to
 * i18next every time, so nothing of anyone's answers is kept here.
 */
import type { TFunction } from 'i18next';

/** Answers remembered at most: the portal's texts are far fewer. */
export const MEMO_LIMIT = 20_000;

type Call = (key: unknown, options?: unknown, ...rest: unknown[]) => unknown;

export function memoisedTranslator(t: TFunction, shared: Readonly<Record<string, unknown>>): TFunction {
  const call = t as unknown as Call;
  const sharedKeys = Object.keys(shared);
  const known = new Map<string, unknown>();

  /**
   * For an object of values: whether it is the shared values (each the same), with at most a
   * context (a string) and `returnObjects: true` besides; then the slot for the key.
   */
  const sharedSlot = (o: Record<string, unknown>, key: string): string | undefined => {
    const extra = (typeof o.context === 'string' ? 1 : 0) + (o.returnObjects === true ? 1 : 0);
    if (Object.keys(o).length !== sharedKeys.length + extra) return undefined;
    for (const k of sharedKeys) if (o[k] !== shared[k]) return undefined;
    return `s${o.returnObjects === true ? 'p' : ''}\u0000${typeof o.context === 'string' ? o.context : ''}\u0000${key}`;
  };

  /** Where an answer to this call is remembered, or undefined when it is not to be. */
  const slot = (key: unknown, options: unknown): string | undefined => {
    if (typeof key !== 'string') return undefined;
    if (options === undefined) return `\u0000${key}`;
    if (options === shared) return `s\u0000\u0000${key}`;
    if (typeof options !== 'object' || options === null) return undefined;
    const o = options as Record<string, unknown>;
    if (typeof o.context === 'string' && Object.keys(o).length === 1) return `c\u0000${o.context}\u0000${key}`;
    return sharedSlot(o, key);
  };

  const memo: Call = (key, options, ...rest) => {
    const at = rest.length === 0 ? slot(key, options) : undefined;
    if (at === undefined) return call(key, options, ...rest);
    const hit = known.get(at);
    if (hit !== undefined) return hit;
    const value = call(key, options);
    // Strings, and lists of strings (frozen: every caller gets the same one).
    const keep = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? Object.freeze([...value]) : undefined;
    if (keep !== undefined && known.size < MEMO_LIMIT) known.set(at, keep);
    return keep ?? value;
  };
  // getFixedT's function carries its language, namespace and key prefix.
  const fixed = t as unknown as { lng?: unknown; ns?: unknown; keyPrefix?: unknown };
  return Object.assign(memo, { lng: fixed.lng, ns: fixed.ns, keyPrefix: fixed.keyPrefix }) as unknown as TFunction;
}

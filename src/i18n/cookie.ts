/** The cookie that holds the reader's chosen language (set by /sprak/[lang], read on every request). */
export const LANG_COOKIE = 'lang';

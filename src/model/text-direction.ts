/** Scripts written right to left, as BCP 47 script subtags. */
const RTL_SCRIPTS = /^(?:arab|hebr|syrc|thaa|nkoo|adlm|rohg|mand|samr)$/i;
/** Languages whose default script is written right to left. */
const RTL_LANGUAGES = /^(?:ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|syr|ug|ur|yi)$/i;

/**
 * The direction a text in `language` (a BCP 47 tag) is written: `ar`, `he-IL` and `az-Arab`
 * right to left; `en`, `uz-Latn` and any tag not known to be otherwise, left to right. Set on the
 * story map, so that it never takes its direction from a host page in another language.
 */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const [primary = '', ...rest] = language.split('-');
  const script = rest.find((part) => part.length === 4);
  if (script) return RTL_SCRIPTS.test(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.test(primary) ? 'rtl' : 'ltr';
}

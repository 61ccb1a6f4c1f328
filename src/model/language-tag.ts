/**
 * The canonical form of a BCP 47 language tag ("pt-br" -> "pt-BR"), or null when the browser's
 * Intl does not accept it ("en-GB-GB", "en-u", or "zh-min-nan", an irregular legacy tag whose
 * modern form is "nan"). Every date and number the reader sees is formatted with this tag, and
 * Intl throws on one it does not accept.
 */
export function canonicalLanguageTag(tag: string): string | null {
  if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

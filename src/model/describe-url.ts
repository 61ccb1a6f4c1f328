/** Longest address echoed in a message; longer ones are shortened in the middle. */
const MAX_SHOWN = 120;

/**
 * An address as a message may show it: never with a user name or password (which a reader, a
 * screenshot or a support ticket would otherwise carry on), control characters escaped, and at
 * most 120 characters, keeping the start (the site) and the end (the file name).
 */
export function describeUrl(url: string, base?: string): string {
  let shown = url;
  try {
    const parsed = new URL(url, base);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      shown = parsed.href;
    }
  } catch {
    // Not an address at all: shown as text, shortened all the same.
  }
  return shortenText(shown, MAX_SHOWN);
}

/** Text from outside (an address, a hash) shortened in the middle, with control characters escaped. */
export function shortenText(text: string, max = MAX_SHOWN): string {
  const visible = escapeControlCharacters(text);
  if (visible.length <= max) return visible;
  const head = Math.ceil((max - 1) * 0.6);
  return `${visible.slice(0, head)}…${visible.slice(visible.length - (max - 1 - head))}`;
}

/** Control characters (terminal escapes, bidi overrides) written as \u{...}, so they show and do nothing. */
export function escapeControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

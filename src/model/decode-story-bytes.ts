/** A story file's bytes as text, or why they are not UTF-8 text. */
export type DecodedStory = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Decodes a story file, which must be UTF-8 (RFC 8259 requires it of JSON exchanged between
 * systems). Decoding leniently would turn "Café Zürich" saved as Latin-1 into "Caf� Z�rich"
 * without a word, so other encodings are refused with a message that names the likely cause.
 */
export function decodeStoryBytes(bytes: Uint8Array): DecodedStory {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) {
    return {
      ok: false,
      message: 'The file is saved as UTF-16 (Unicode) text; story files must be UTF-8. Save it again choosing the UTF-8 encoding.',
    };
  }
  try {
    // A UTF-8 byte order mark is dropped here (editors on Windows often write one).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    const byte = bytes[at] ?? 0;
    return {
      ok: false,
      message:
        `The file is not UTF-8 text: byte ${(at + 1).toLocaleString('en')} (line ${line.toLocaleString('en')}) is 0x${byte.toString(16).toUpperCase().padStart(2, '0')}, ` +
        `which UTF-8 does not allow there. It was probably saved as Latin-1 or Windows-1252, where accented letters such as “é” are single bytes; ` +
        'save it again choosing the UTF-8 encoding, so that no letter is lost.',
    };
  }
}

/** UTF-16 without a byte order mark: ASCII text then has a zero byte beside every character. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 64);
  if (sample < 4) return false;
  let zeros = 0;
  for (let i = 0; i < sample; i += 1) if (bytes[i] === 0) zeros += 1;
  return zeros >= sample / 4;
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) lines += 1;
  return lines;
}

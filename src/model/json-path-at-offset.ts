/** A path into a JSON document: object keys and array indices, outermost first. */
export type JsonPath = Array<string | number>;

type Frame =
  | { kind: 'object'; key: string | null; inValue: boolean }
  | { kind: 'array'; index: number };

/**
 * Returns the path of the innermost JSON value that contains `offset` in `text`.
 * The validator reports problems as text offsets; authors need feature and field names.
 * This is a tolerant scanner, not a parser: it assumes the text already parsed as JSON.
 */
export function jsonPathAtOffset(text: string, offset: number): JsonPath {
  const frames: Frame[] = [];
  const end = Math.min(offset, text.length);
  let i = 0;
  while (i < end) {
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (ch === '"') {
      const close = endOfString(text, i);
      if (top?.kind === 'object' && !top.inValue) {
        top.key = JSON.parse(text.slice(i, close + 1)) as string;
      }
      i = close + 1;
      continue;
    }
    if (ch === '{') frames.push({ kind: 'object', key: null, inValue: false });
    else if (ch === '[') frames.push({ kind: 'array', index: 0 });
    else if (ch === '}' || ch === ']') frames.pop();
    else if (ch === ':' && top?.kind === 'object') top.inValue = true;
    else if (ch === ',' && top) {
      if (top.kind === 'array') top.index += 1;
      else {
        top.inValue = false;
        top.key = null;
      }
    }
    i += 1;
  }
  const path: JsonPath = [];
  for (const frame of frames) {
    if (frame.kind === 'array') path.push(frame.index);
    else if (frame.inValue && frame.key !== null) path.push(frame.key);
    else break;
  }
  return path;
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i;
    else i += 1;
  }
  return text.length - 1;
}

/** Formats a path the way authors read it: `geometry.coordinates[1]`. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

import type { JsonPath } from './json-path.ts';

export type { JsonPath } from './json-path.ts';

/** What one pass over a JSON text found. */
export interface JsonScan {
  /** Lists or objects nest deeper than `maxDepth`: the scan stopped there, and nothing else is filled in. */
  readonly tooDeep: boolean;
  /** The path of the innermost value containing each of `offsets`, in the same order. */
  readonly paths: readonly JsonPath[];
  /** Keys written twice in one object (JSON.parse silently keeps the last), at most `maxDuplicates`. */
  readonly duplicateKeys: ReadonlyArray<{ readonly path: JsonPath; readonly key: string }>;
  /** The text ends inside a string, list or object: it was cut short. */
  readonly endsOpen: boolean;
}

/** Options of `scanJson`. */
export interface JsonScanOptions {
  /** Text offsets to locate (the validator reports problems as offsets; authors need field names). */
  readonly offsets?: readonly number[];
  /** Stop and report `tooDeep` past this depth. Defaults to no limit. */
  readonly maxDepth?: number;
  /** Record at most this many duplicate keys. Defaults to 100. */
  readonly maxDuplicates?: number;
}

type Frame =
  | { readonly kind: 'object'; key: string | null; inValue: boolean; readonly keys: Set<string> }
  | { readonly kind: 'array'; index: number };

/**
 * One linear pass over a JSON text: its nesting depth, its duplicate keys, and the path at each
 * of many offsets. Locating every problem in one pass matters: locating each from the start
 * made 3,000 problems in a GPS export take seconds (quadratic). This is a tolerant scanner,
 * not a parser: it never throws, and it is meant for text that parses (or nearly) as JSON.
 * It is iterative, so it is safe on hostile nesting that would overflow a recursive parser.
 */
export function scanJson(text: string, options: JsonScanOptions = {}): JsonScan {
  const maxDepth = options.maxDepth ?? Infinity;
  const maxDuplicates = options.maxDuplicates ?? 100;
  const wanted = (options.offsets ?? []).map((offset, order) => ({ offset, order })).sort((a, b) => a.offset - b.offset);
  const paths: JsonPath[] = new Array<JsonPath>(wanted.length);
  const duplicateKeys: Array<{ path: JsonPath; key: string }> = [];
  const frames: Frame[] = [];
  let next = 0;
  let endsOpen = false;
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (next < wanted.length && wanted[next]!.offset <= i) paths[wanted[next++]!.order] = pathOf(frames);
    const code = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (code === 0x22 /* " */) {
      const close = endOfString(text, i);
      if (close === -1) {
        endsOpen = true;
        break;
      }
      if (top?.kind === 'object' && !top.inValue) {
        const key = readKey(text, i, close);
        if (top.keys.has(key)) {
          if (duplicateKeys.length < maxDuplicates) duplicateKeys.push({ path: pathOf(frames), key });
        } else {
          top.keys.add(key);
        }
        top.key = key;
      }
      i = close + 1;
      continue;
    }
    if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (frames.length >= maxDepth) return { tooDeep: true, paths: [], duplicateKeys: [], endsOpen: false };
      frames.push(code === 0x7b ? { kind: 'object', key: null, inValue: false, keys: new Set() } : { kind: 'array', index: 0 });
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      frames.pop();
    } else if (code === 0x3a /* : */ && top?.kind === 'object') {
      top.inValue = true;
    } else if (code === 0x2c /* , */ && top) {
      if (top.kind === 'array') top.index += 1;
      else {
        top.inValue = false;
        top.key = null;
      }
    }
    i += 1;
  }
  while (next < wanted.length) paths[wanted[next++]!.order] = pathOf(frames);
  return { tooDeep: false, paths, duplicateKeys, endsOpen: endsOpen || frames.length > 0 };
}

/** The path of the innermost open value; an object's key counts once its value has begun. */
function pathOf(frames: readonly Frame[]): JsonPath {
  const path: JsonPath = [];
  for (const frame of frames) {
    if (frame.kind === 'array') path.push(frame.index);
    else if (frame.inValue && frame.key !== null) path.push(frame.key);
    else break;
  }
  return path;
}

/** The index of the quote closing the string that opens at `start`, or -1 when the text ends first. */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    // A quote is escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === 0x5c; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function readKey(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

import { formatJsonPath, type JsonPath } from '../json-path.ts';
import type { ParseResult, StoryProblem } from '../types.ts';
import { isRecord } from './fields.ts';

/** Where a schema reports what it finds wrong: a path under what it reads, and a message. */
export type Report = (path: string, message: string) => void;

/** Every problem found in one file, located at the file or at a feature. */
export class ProblemList {
  private readonly list: StoryProblem[] = [];
  /** By feature (-1: the file), each reported path, and each with every path above it: for `atPath`, in O(depth). */
  private readonly exact = new Map<number, Set<string>>();
  private readonly within = new Map<number, Set<string>>();

  file(path: string, message: string): void {
    this.add({ featureIndex: null, featureId: null, path, message });
  }

  feature(featureIndex: number, featureId: string | null, path: string, message: string): void {
    this.add({ featureIndex, featureId, path, message });
  }

  private add(problem: StoryProblem): void {
    this.list.push(problem);
    const key = problem.featureIndex ?? -1;
    setOf(this.exact, key).add(problem.path);
    const within = setOf(this.within, key);
    // Not the feature (or file) itself: a problem in one field does not cover another's.
    for (const path of pathAndAbove(problem.path)) if (path !== '' || problem.path === '') within.add(path);
  }

  /** A reporter for the file's own fields, under `base` (`story.camera`). */
  atFile(base: string): Report {
    return (path, message) => this.file(`${base}${path}`, message);
  }

  /**
   * Places a problem found at a JSON path (the RFC 7946 validator's, a duplicate key), naming
   * the feature it lies in, unless a problem is already reported there or within it: the
   * validator then repeats in its own words what the story's checks said in theirs.
   */
  atPath(path: JsonPath, message: string, features: unknown[] | null): void {
    const [first, second] = path;
    const inFeature = first === 'features' && typeof second === 'number';
    const featureIndex = inFeature ? second : null;
    const where = formatJsonPath(inFeature ? path.slice(2) : path);
    // Covered when something is reported at this path or within it (its paths include this one),
    // or at a path above it: a reported "geometry.coordinates" covers "geometry.coordinates[0]".
    const key = featureIndex ?? -1;
    if (this.within.get(key)?.has(where) || pathAndAbove(where).some((above) => this.exact.get(key)?.has(above))) return;
    // About a feature as a whole ("requires a geometry member", "id must be a string"): the
    // story's checks, which reported something of this feature, have said it at its field.
    if (where === '' && featureIndex !== null && this.exact.has(key)) return;
    if (inFeature) {
      const raw = features?.[second];
      const id = isRecord(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : null;
      this.feature(second, id, where, message);
    } else {
      this.file(where, message);
    }
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  result(): ParseResult {
    // File-level problems first, then features in file order; stable within each.
    const problems = [...this.list].sort((a, b) => (a.featureIndex ?? -1) - (b.featureIndex ?? -1));
    return { ok: false, problems: groupRepeats(problems) };
  }
}

/**
 * Folds a run of the same problem at neighbouring list entries (3,000 GPS positions with a
 * fourth number) into its first, which says how many more there are and where they end: one
 * line an author can act on instead of a wall of copies.
 */
function groupRepeats(problems: readonly StoryProblem[]): StoryProblem[] {
  const out: StoryProblem[] = [];
  let i = 0;
  while (i < problems.length) {
    const first = problems[i]!;
    const parent = first.path.replace(/\[\d+\]$/, '');
    let j = i + 1;
    if (parent !== first.path) {
      while (j < problems.length) {
        const next = problems[j]!;
        if (next.featureIndex !== first.featureIndex || next.message !== first.message || next.path.replace(/\[\d+\]$/, '') !== parent || next.path === parent) break;
        j += 1;
      }
    }
    const more = j - i - 1;
    out.push(more < 2 ? first : { ...first, message: `${first.message} (${more.toLocaleString('en')} more like it, through ${problems[j - 1]!.path})` });
    if (more < 2) j = i + 1;
    i = j;
  }
  return out;
}

/** "a.b[2]" and the paths above it: "a.b[2]", "a.b", "a", "". */
function pathAndAbove(path: string): string[] {
  const paths = [path];
  let rest = path;
  while (rest !== '') {
    rest = rest.replace(/(?:\.[^.[\]]*|\[\d+\]|^[^.[\]]*)$/, '');
    paths.push(rest);
  }
  return paths;
}

function setOf(map: Map<number, Set<string>>, key: number): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

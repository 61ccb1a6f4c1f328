import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/model/parse-story.ts';

// docs/story-format.md and the schemas kept in step: every field the tables document is read
// (a wrong value is reported at its path), every required one is required (leaving it out is
// reported), and a field they do not document is not read at all.
const doc = readFileSync(new URL('../../docs/story-format.md', import.meta.url), 'utf8');
const base = () => JSON.parse(readFileSync(new URL('../fixtures/story-with-route.geojson', import.meta.url), 'utf8')) as Record<string, any>;

interface Row {
  readonly path: string;
  readonly required: boolean;
}

/** The rows of the table under `heading`: the first backticked name of each, and whether it is required. */
function table(heading: string): Row[] {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/story-format.md has no section ${heading}`);
  const rows: Row[] = [];
  for (const line of doc.slice(start).split('\n').slice(2)) {
    if (line.startsWith('#')) break;
    const cells = /^\| `([^`]+)`[^|]*\| (yes|no) \|/.exec(line);
    if (cells) rows.push({ path: cells[1]!, required: cells[2] === 'yes' });
  }
  return rows;
}

/** Which object of the base story a section's fields live on, and a path there. */
const SECTIONS = {
  '## `story` (on the FeatureCollection)': { at: (s: Record<string, any>) => s.story, prefix: 'story.', featureIndex: null },
  '### Places': { at: (s: Record<string, any>) => s.features[0], prefix: '', featureIndex: 0 },
  '### Waypoints': { at: (s: Record<string, any>) => s.features[3], prefix: '', featureIndex: 3 },
  '### Routes': { at: (s: Record<string, any>) => s.features[2], prefix: '', featureIndex: 2 },
} as const;

// Fields that are for the file's readers only (the doc says so), and "kind", whose wrong value makes another kind.
const NOT_READ = new Set(['properties.lengthKm', 'properties.kind']);
const ABSENCE_IS_FINE = new Set(['id']); // a route's id defaults; a place's and waypoint's are required

function set(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((object, key) => (object[key] ??= {}), target);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

function problemsAt(story: Record<string, any>, featureIndex: number | null, path: string): string[] {
  const result = parseStory(JSON.stringify(story));
  if (result.ok) return [];
  return result.problems.filter((p) => p.featureIndex === featureIndex && (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))).map((p) => p.message);
}

describe('docs/story-format.md and the story schemas', () => {
  it('the base story is valid', () => {
    expect(parseStory(JSON.stringify(base())).ok).toBe(true);
  });

  for (const [heading, section] of Object.entries(SECTIONS)) {
    const rows = table(heading);
    it(`${heading.replace(/^#+ /, '')}: the table lists the fields`, () => {
      expect(rows.length).toBeGreaterThan(3);
    });
    for (const row of rows) {
      if (NOT_READ.has(row.path)) continue;
      it(`${heading.replace(/^#+ /, '')}: ${row.path} is read${row.required ? ' and required' : ''}`, () => {
        const wrong = base();
        // A value of no documented type: an object nested in a list.
        set(section.at(wrong), row.path, [{ wrong: true }]);
        expect(problemsAt(wrong, section.featureIndex, `${section.prefix}${row.path}`), `a wrong ${row.path} is reported`).not.toEqual([]);
        if (row.required && !ABSENCE_IS_FINE.has(row.path)) {
          const missing = base();
          set(section.at(missing), row.path, undefined);
          expect(parseStory(JSON.stringify(missing)).ok, `a story without ${row.path} is refused`).toBe(false);
        }
      });
    }
  }

  it('a field the tables do not document is not read: it changes nothing', () => {
    const story = base();
    story.story.notes = [{ wrong: true }];
    story.features[0].properties.colour = [{ wrong: true }];
    expect(parseStory(JSON.stringify(story)).ok).toBe(true);
  });
});

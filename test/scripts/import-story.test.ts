import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importStoryFile } from '../../scripts/lib/import-story-file.ts';
import { validateStoryFiles } from '../../scripts/lib/validate-story-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The command as a user runs it: its own process, its output through pipes, its exit code. */
function importCommand(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-story.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The same in this process (a process costs half a second of CPU), from the project's folder as npm runs it. */
function importStory(...args: string[]) {
  expect(process.cwd()).toBe(root.replace(/\/$/, ''));
  return importStoryFile(args);
}

const required = ['--publisher', 'Example News', '--published', '2024-05-01', '--dateline', 'HARTFORD, Conn.'];

describe('npm run import', () => {
  it('writes a story that npm run validate accepts, and prints what it could not bring', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'story.geojson');
    const { code, err } = importCommand('--from', 'sheets', 'test/fixtures/import/hodv-Chapters.csv', '--options', 'test/fixtures/import/hodv-Options.csv', ...required, '--out', out);
    expect(code).toBe(0);
    expect(err).toContain('warning: 6 chapters have media');
    expect(err).toContain(`Wrote ${out}: 6 places`);
    expect(validateStoryFiles([out]).out).toContain(': ok (6 places');
    expect(JSON.parse(readFileSync(out, 'utf8')).story.dateline).toBe('HARTFORD, Conn.');
  });

  it('prints the story, and only the story, on its output when no --out is given', () => {
    const { code, out, err } = importStory('--from', 'storymapjs', 'test/fixtures/import/storymapjs-sochi.json', ...required);
    expect(code).toBe(0);
    expect(JSON.parse(out).features).toHaveLength(9);
    expect(err).not.toContain('Wrote');
  });

  it('writes nothing without the publisher, date and dateline no tool records', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'story.geojson');
    const { code, err } = importStory('--from', 'storymapjs', 'test/fixtures/import/storymapjs-sochi.json', '--published', '2024-05-01', '--out', out);
    expect(code).toBe(2);
    expect(err).toContain('No peer tool records --publisher, --dateline: give them. Nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  it('writes nothing when the result would not load (a date that is no date)', () => {
    const { code, err, out } = importStory('--from', 'mapbox', 'test/fixtures/import/maplibre-digidem-demo-config.js', '--publisher', 'X', '--published', 'yesterday', '--dateline', 'Y');
    expect(code).toBe(1);
    expect(err).toContain('The imported story would not load');
    expect(out).toBe('');
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateStoryFiles } from '../../scripts/lib/validate-story-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The command as a user runs it: its own process, its output through pipes, its exit code. */
function validateCommand(...files: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-story.ts', ...files], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * The same checks in this process (a process costs half a second of CPU): what the command
 * would print, and its exit code. Paths are relative to the project, where Vitest runs as npm does.
 */
function validate(...files: string[]) {
  expect(process.cwd()).toBe(root.replace(/\/$/, ''));
  return validateStoryFiles(files);
}

describe('npm run validate', () => {
  it('validate(the default story) says ok and exits 0', () => {
    const { code, out } = validateCommand('data/kim-putin-2019.geojson');
    expect(out).toContain('data/kim-putin-2019.geojson: ok (6 places, 6 waypoints, 4 routes, 27 paragraphs)');
    expect(code).toBe(0);
  });

  it('validate(a broken story) prints each problem with the file name and exits 1', () => {
    const file = 'test/fixtures/invalid/latitude-out-of-range.geojson';
    const { code, err } = validate(file);
    expect(err.trim()).toBe(`${file}: feature 1 ("south-harbour"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).`);
    expect(code).toBe(1);
  });

  it('validate() without a file shows how to use it and exits 2', () => {
    expect(validate()).toEqual({ code: 2, out: '', err: 'Usage: npm run validate -- path/to/story.geojson [...]\n' });
  });

  it('validate(a missing file) says it cannot be read and exits 2', () => {
    const { code, err } = validate('no/such/file.geojson');
    expect(err).toMatch(/^no\/such\/file\.geojson: cannot be read/);
    expect(code).toBe(2);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'validate-'));
  const minimal = readFileSync(join(root, 'test/fixtures/minimal-story.geojson'), 'utf8');

  it('validate(a Latin-1 file) refuses it, naming the byte and the encoding, instead of losing letters', () => {
    const file = join(scratch, 'latin1.geojson');
    writeFileSync(file, Buffer.from(minimal.replace('Two harbours', 'Café Zürich'), 'latin1'));
    const { code, err } = validate(file);
    expect(err).toMatch(/is not UTF-8 text: byte \d+ \(line 4\) is 0xE9.*Latin-1 or Windows-1252/);
    expect(code).toBe(1);
  });

  it('validate(a UTF-16 file) says it is UTF-16', () => {
    const file = join(scratch, 'utf16.geojson');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, 'utf16le')]));
    expect(validate(file).err).toMatch(/saved as UTF-16 \(Unicode\) text; story files must be UTF-8/);
  });

  it('validate prints all of 3,000 problems through a pipe, and escapes terminal control codes in ids', () => {
    const story = JSON.parse(minimal) as { features: Array<Record<string, unknown>> };
    const template = story.features[0]!;
    story.features = Array.from({ length: 3000 }, (_, i) => ({ ...template, id: `Bad${i}\u001b[2J` }));
    const file = join(scratch, 'many.geojson');
    writeFileSync(file, JSON.stringify(story));
    const { code, err } = validateCommand(file);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(3000);
    expect(lines[2999]).toContain('feature 2999 ("Bad2999\\u{1b}[2J"): id: ');
    expect(err).not.toContain('\u001b');
    expect(code).toBe(1);
  });
});


import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function validate(...files: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-story.ts', ...files], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run validate', () => {
  it('validate(the default story) says ok and exits 0', () => {
    const { code, out } = validate('data/kim-putin-2019.geojson');
    expect(out).toContain('data/kim-putin-2019.geojson: ok (6 places, 6 waypoints, 4 routes, 27 paragraphs)');
    expect(code).toBe(0);
  });

  it('validate(a broken story) prints each problem with the file name and exits 1', () => {
    const file = 'test/fixtures/invalid/latitude-out-of-range.geojson';
    const { code, err } = validate(file);
    expect(err.trim()).toBe(`${file}: feature 1 ("south-harbour"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).`);
    expect(code).toBe(1);
  });

  it('validate(a missing file) says it cannot be read and exits 2', () => {
    const { code, err } = validate('no/such/file.geojson');
    expect(err).toMatch(/^no\/such\/file\.geojson: cannot be read/);
    expect(code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { simplifyLine } from '../../src/model/simplify-line.ts';
import type { LngLat } from '../../src/model/types.ts';

describe('simplifyLine', () => {
  it('drops points on a straight stretch and keeps the corners', () => {
    const line: LngLat[] = [[0, 0], [1, 0], [2, 0], [3, 0], [3, 1], [3, 2]];
    expect(simplifyLine(line, 1e-4)).toEqual([[0, 0], [3, 0], [3, 2]]);
  });

  it('keeps every point farther than the tolerance from the simplified line', () => {
    const line: LngLat[] = Array.from({ length: 230_000 }, (_, i) => [100 + (i / 230_000) * 30, 40 + Math.sin(i / 900) * 2]);
    const simplified = simplifyLine(line, 1e-4);
    expect(simplified.length).toBeLessThan(line.length / 10);
    expect(simplified[0]).toEqual(line[0]);
    expect(simplified.at(-1)).toEqual(line.at(-1));
    // Every original point lies within the tolerance of the simplified line (checked on a sample).
    for (let i = 0; i < line.length; i += 997) {
      const [x, y] = line[i]!;
      const near = simplified.some((p, k) => {
        const q = simplified[k + 1];
        if (!q) return false;
        const t = Math.max(0, Math.min(1, ((x - p[0]) * (q[0] - p[0]) + (y - p[1]) * (q[1] - p[1])) / ((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2)));
        return Math.hypot(p[0] + t * (q[0] - p[0]) - x, p[1] + t * (q[1] - p[1]) - y) <= 1e-4 + 1e-12;
      });
      expect(near, `point ${i}`).toBe(true);
    }
  });
});

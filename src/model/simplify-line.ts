import type { LngLat } from './types.ts';

/**
 * Simplifies a line (Douglas-Peucker, planar in degrees): keeps the fewest points such that no
 * dropped point lies farther than `tolerance` degrees from the line kept. Iterative, so that a
 * line of 230,000 points cannot overflow the stack. The first and last points are always kept.
 */
export function simplifyLine(line: readonly LngLat[], tolerance: number): LngLat[] {
  const n = line.length;
  if (n <= 2) return [...line];
  // Flat coordinates: reading numbers from typed arrays keeps the inner loop fast (230,000 points
  // take tens of milliseconds, not hundreds).
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const position = line[i]!;
    xs[i] = position[0];
    ys[i] = position[1];
  }
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const squared = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = xs[first]!;
    const ay = ys[first]!;
    const dx = xs[last]! - ax;
    const dy = ys[last]! - ay;
    const length = dx * dx + dy * dy;
    let farthest = -1;
    let farthestDistance = squared;
    for (let i = first + 1; i < last; i += 1) {
      const px = xs[i]! - ax;
      const py = ys[i]! - ay;
      // Squared distance from the point to the segment first-last.
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length));
      const ex = t * dx - px;
      const ey = t * dy - py;
      const distance = ex * ex + ey * ey;
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push(first, farthest, farthest, last);
    }
  }
  const kept: LngLat[] = [];
  for (let i = 0; i < n; i += 1) if (keep[i] === 1) kept.push(line[i]!);
  return kept;
}

import type { LngLat } from './types.ts';

/**
 * Simplifies a line (Douglas-Peucker, planar in degrees): keeps the fewest points such that no
 * dropped point lies farther than `tolerance` degrees from the line kept. Iterative, so that a
 * line of 230,000 points cannot overflow the stack. The first and last points are always kept.
 */
export function simplifyLine(line: readonly LngLat[], tolerance: number): LngLat[] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const squared = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = squared;
    for (let i = first + 1; i < last; i += 1) {
      const distance = squaredDistanceToSegment(line[i]!, line[first]!, line[last]!);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

function squaredDistanceToSegment([px, py]: LngLat, [ax, ay]: LngLat, [bx, by]: LngLat): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

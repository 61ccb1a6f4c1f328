import type { StoryProblem } from './types.ts';

/** Formats a problem on one line: `feature 3 ("khasan"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).` */
export function formatProblem(problem: StoryProblem): string {
  const where: string[] = [];
  if (problem.featureIndex !== null) {
    where.push(`feature ${problem.featureIndex}${problem.featureId !== null ? ` ("${problem.featureId}")` : ''}`);
  }
  if (problem.path !== '') where.push(problem.path);
  return where.length > 0 ? `${where.join(': ')}: ${problem.message}` : problem.message;
}

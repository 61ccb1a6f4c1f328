/**
 * `npm test`, what CI runs: the checks that need no browser (types, lint, the unit and DOM
 * tests) and the build run side by side, then the browser tests, which need the build.
 *
 * Side by side because none of them keeps both cores busy alone (tsc and ESLint are mostly one
 * thread, Vite's build waits on the disk): together they take about two thirds of the time
 * they take one after the other. Each one's output is printed whole when it ends, so that
 * the log reads as if they had run in turn. The first that fails stops the run after its
 * phase, with its output and its exit code.
 */
import { spawn } from 'node:child_process';

interface Step {
  readonly name: string;
  readonly command: readonly string[];
}

const CHECKS: readonly Step[] = [
  { name: 'typecheck', command: ['npm', 'run', '-s', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '-s', 'lint'] },
  { name: 'unit and DOM tests', command: ['npm', 'run', '-s', 'test:unit'] },
  { name: 'build', command: ['npm', 'run', '-s', 'build:bundle'] },
];
const BROWSER: Step = { name: 'browser tests', command: ['npx', 'vitest', 'run', '--project', 'e2e'] };

function run(step: Step, live: boolean): Promise<{ step: Step; code: number; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const [command, ...args] = step.command as [string, ...string[]];
    const child = spawn(command, args, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: process.env });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code, signal) =>
      resolve({
        step,
        code: code ?? (signal ? 1 : 0),
        output: Buffer.concat(chunks).toString('utf8'),
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

function report({ step, code, output, seconds }: Awaited<ReturnType<typeof run>>): void {
  process.stdout.write(`\n== ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s\n`);
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

const started = performance.now();
const checks = await Promise.all(CHECKS.map((step) => run(step, false)));
checks.forEach(report);
const failed = checks.find((result) => result.code !== 0);
if (failed) {
  process.stdout.write(`\n${failed.step.name} failed: the browser tests were not run.\n`);
  process.exit(failed.code);
}
process.stdout.write(`\n== ${BROWSER.name}\n`);
const browser = await run(BROWSER, true);
process.stdout.write(`\n== ${BROWSER.name}: ${browser.code === 0 ? 'passed' : 'FAILED'} in ${browser.seconds.toFixed(1)} s`);
process.stdout.write(`\n== npm test: ${((performance.now() - started) / 1000).toFixed(1)} s in all\n`);
process.exit(browser.code);

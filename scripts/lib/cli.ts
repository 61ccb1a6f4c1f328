/**
 * What a command-line script has to say: its output, its errors and its exit code, gathered
 * by a function the tests can call in-process, and written by the script in one piece per
 * stream (see finish).
 */
export interface CliResult {
  /** 0: done; 1: the input has problems; 2: the command could not run (usage, unreadable file). */
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Writes a result and sets the exit code rather than calling process.exit(), so that nothing
 * is cut off when the output goes through a pipe.
 */
export function finish({ code, out, err }: CliResult): void {
  if (out) process.stdout.write(out);
  if (err) process.stderr.write(err);
  process.exitCode = code;
}

/** Lines as a stream's text: each ended by a newline, nothing at all for none. */
export const lines = (list: readonly string[]): string => (list.length > 0 ? `${list.join('\n')}\n` : '');

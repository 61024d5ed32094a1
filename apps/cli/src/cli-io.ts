/** Where a command writes and what it reads of its environment: the process's own, or a test's. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Set by a command that failed (1: the input was refused; 2: it could not run). */
  exitCode: number;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, exitCode: 0 };
}

/** The value of a required variable, or a message naming it. */
export function requireEnv(io: CliIo, name: string, what: string): string {
  const value = io.env[name];
  if (!value) throw new CliUsageError(`${name} is not set: it must give ${what}`);
  return value;
}

/** A mistake in how the command was called or configured: printed without a stack, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

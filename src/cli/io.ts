/**
 * The streams and environment a command runs with, injected so tests capture output without
 * spawning a process.
 */

export interface CliStream {
  readonly isTTY: boolean;
  readonly columns?: number;
  write(text: string): void;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams. */
export function getProcessIo(): CliIo {
  return {
    stdout: { isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns, write: (t) => void process.stdout.write(t) },
    stderr: { isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns, write: (t) => void process.stderr.write(t) },
    env: process.env,
  };
}

/** Colors on a terminal unless NO_COLOR is set; FORCE_COLOR forces them. */
export function shouldUseColor(stream: CliStream, env: CliIo['env'], override?: boolean): boolean {
  if (override !== undefined) return override;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY && env.TERM !== 'dumb';
}

/** An in-memory stream for tests. */
export function createBufferStream(isTTY = false): CliStream & { text(): string } {
  const chunks: string[] = [];
  return { isTTY, columns: 100, write: (t) => void chunks.push(t), text: () => chunks.join('') };
}

// Types of bench/run.mjs, for the tests that import it.
export interface RunOptions {
  readonly lines: number;
  readonly seed: number;
  readonly reps: number;
  /** Back-to-back floor/recommended and tsc/scan pairs the targets are judged on (0: none). */
  readonly pairs: number;
  readonly target: 'all' | 'generated' | 'examples';
  readonly peers: boolean;
  readonly regenerate: boolean;
  /** Where the results go (absolute): `bench/results/latest.md` unless `--out` names another Markdown file. */
  readonly out: string;
}

export declare function parseRunArgs(argv: string[]): RunOptions;

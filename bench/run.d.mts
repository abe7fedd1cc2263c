// Types of bench/run.mjs, for the tests that import it.
export interface RunOptions {
  readonly lines: number;
  readonly seed: number;
  readonly reps: number;
  readonly target: 'all' | 'generated' | 'examples';
  readonly peers: boolean;
  readonly regenerate: boolean;
  /** Where the results go (absolute): `bench/results/latest.md` unless `--out` names another Markdown file. */
  readonly out: string;
}

export declare function parseRunArgs(argv: string[]): RunOptions;

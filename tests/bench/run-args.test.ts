import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../bench/run.mjs';

const latest = fileURLToPath(new URL('../../bench/results/latest.md', import.meta.url));

describe('bench/run.mjs arguments', () => {
  it('defaults to the full run: 100k lines, three repetitions, both targets, peers included', () => {
    expect(parseRunArgs([])).toEqual({ lines: 100_000, seed: 1337, reps: 3, pairs: 6, target: 'all', peers: true, regenerate: false, out: latest });
  });

  it('reads sizes, targets and switches', () => {
    expect(parseRunArgs(['--lines', '20000', '--reps', '5', '--pairs', '0', '--target', 'examples', '--no-peers', '--regenerate', '--out', 'bench/results/node24.md'])).toEqual({
      lines: 20_000,
      seed: 1337,
      reps: 5,
      pairs: 0,
      target: 'examples',
      peers: false,
      regenerate: true,
      out: path.resolve('bench/results/node24.md'),
    });
  });

  it('rejects bad values with a message naming the option', () => {
    expect(() => parseRunArgs(['--reps', '0'])).toThrow(/--reps needs a positive integer/);
    expect(() => parseRunArgs(['--pairs', '-1'])).toThrow(/--pairs needs a whole number/);
    expect(() => parseRunArgs(['--target', 'nest'])).toThrow(/--target is all, generated or examples/);
    expect(() => parseRunArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseRunArgs(['--out', 'results.json'])).toThrow(/--out needs a Markdown file/);
  });
});

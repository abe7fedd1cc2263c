/**
 * The taint values' bookkeeping: keys remembered on a taint never leak into the taints derived from
 * it, and a join that adds nothing keeps the deduplicated list it started from.
 */
import { describe, expect, it } from 'vitest';
import { dedupeTaints, joinValues, taintKey, type AbsValue, type Taint } from '../../src/flow/values.js';

const fnA = {};
const fnB = {};

function paramTaint(fn: object, index: number, path: string[] = []): Taint {
  return { origin: { kind: 'param', fn: fn as never, index }, path, part: 'whole', steps: [], refinable: true };
}

describe('taint keys', () => {
  it('gives a taint derived by a spread its own key, not the key remembered on the original', () => {
    const original = paramTaint(fnA, 0, ['body']);
    const first = taintKey(original);
    const derived: Taint = { ...original, path: [...original.path, 'url'] };
    expect(taintKey(derived)).toBe(`${first}.url`);
    expect(taintKey(original)).toBe(first);
    expect(Object.keys(derived)).toEqual(Object.keys(original));
  });

  it('tells origins and paths apart', () => {
    expect(taintKey(paramTaint(fnA, 0))).not.toBe(taintKey(paramTaint(fnB, 0)));
    expect(taintKey(paramTaint(fnA, 0))).not.toBe(taintKey(paramTaint(fnA, 1)));
    expect(taintKey(paramTaint(fnA, 0, ['a']))).not.toBe(taintKey(paramTaint(fnA, 0)));
  });
});

describe('dedupeTaints and joinValues', () => {
  it('keeps one taint per origin and path, with the widest part', () => {
    const whole = paramTaint(fnA, 0);
    const pathOnly: Taint = { ...whole, part: 'path' };
    const list = dedupeTaints([pathOnly, whole, paramTaint(fnB, 0)]);
    expect(list).toHaveLength(2);
    expect(list[0]!.part).toBe('whole');
  });

  it('keeps the left list when the right side holds only taints already in it', () => {
    const a = paramTaint(fnA, 0);
    const b = paramTaint(fnB, 1);
    const left: AbsValue = { taints: dedupeTaints([a, b]) };
    const joined = joinValues(left, { taints: [b] });
    expect(joined.taints).toBe(left.taints);
    expect(joinValues(left, { taints: [paramTaint(fnB, 1)] }).taints).toEqual(left.taints);
  });

  it('adds what the right side brings, after the left list', () => {
    const a = paramTaint(fnA, 0);
    const b = paramTaint(fnB, 1);
    const joined = joinValues({ taints: dedupeTaints([a]) }, { taints: [b, a] });
    expect(joined.taints.map(taintKey)).toEqual([taintKey(a), taintKey(b)]);
  });
});

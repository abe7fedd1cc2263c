import { describe, expect, it } from 'vitest';
import { beginFileScope, FileScopedWeakMap, keepProjectAnswers, onFileScopeEnd } from '../../src/core/file-scoped-cache.js';

describe('FileScopedWeakMap', () => {
  it('answers as a WeakMap within one file scope', () => {
    const cache = new FileScopedWeakMap<object, number>();
    const key = {};
    expect(cache.has(key)).toBe(false);
    expect(cache.get(key)).toBeUndefined();
    expect(cache.set(key, 1)).toBe(cache);
    expect(cache.has(key)).toBe(true);
    expect(cache.get(key)).toBe(1);
    expect(cache.delete(key)).toBe(true);
    expect(cache.delete(key)).toBe(false);
    expect(cache.has(key)).toBe(false);
  });

  it('forgets every entry of every instance when a new file scope begins', () => {
    const first = new FileScopedWeakMap<object, string>();
    const second = new FileScopedWeakMap<object, string>();
    const key = {};
    first.set(key, 'a');
    second.set(key, 'b');
    beginFileScope();
    expect(first.has(key)).toBe(false);
    expect(second.get(key)).toBeUndefined();
    // Still usable after the drop.
    first.set(key, 'c');
    expect(first.get(key)).toBe('c');
  });

  it('runs the end hooks at each new file scope', () => {
    let lastFile: string | undefined = 'previous.ts';
    onFileScopeEnd(() => {
      lastFile = undefined;
    });
    beginFileScope();
    expect(lastFile).toBeUndefined();
  });

  it('answers the same once per-file scopes have begun (its tables are plain maps then)', () => {
    beginFileScope();
    const cache = new FileScopedWeakMap<object, number>();
    const key = {};
    expect(cache.set(key, 1)).toBe(cache);
    expect(cache.has(key)).toBe(true);
    expect(cache.get(key)).toBe(1);
    expect(cache.delete(key)).toBe(true);
    expect(cache.has(key)).toBe(false);
    cache.set(key, 2);
    beginFileScope();
    expect(cache.get(key)).toBeUndefined();
  });

  // Last: the switch holds for the rest of the process.
  it('keeps everything once a file was analyzed with a project index', () => {
    const cache = new FileScopedWeakMap<object, string>();
    const key = {};
    cache.set(key, 'project answer');
    keepProjectAnswers();
    beginFileScope();
    expect(cache.get(key)).toBe('project answer');
  });
});

import { describe, expect, it } from 'vitest';
import { MASK_VISIBLE_CHARS, maskSecret, redactSecrets } from '../../src/core/mask.js';

describe('maskSecret', () => {
  it('shows at most the first 4 characters', () => {
    expect(maskSecret('dev-secret')).toBe('dev-…');
    expect(maskSecret('sk_live_' + 'abcdefghijklmnop')).toBe('sk_l…');
    expect(MASK_VISIBLE_CHARS).toBe(4);
  });
  it('never shows more than half of a short value', () => {
    expect(maskSecret('hunter2')).toBe('hun…');
    expect(maskSecret('abc')).toBe('a…');
    expect(maskSecret('x')).toBe('…');
    expect(maskSecret('')).toBe('…');
  });
  it('keeps the mask printable inside code spans and JSON', () => {
    expect(maskSecret('`a"b\\cdefgh')).toBe('·a·b…');
    expect(maskSecret('\n\tabcdefgh')).toBe('··ab…');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(maskSecret('🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('🔑🔑🔑🔑…');
  });
});

describe('redactSecrets', () => {
  it('masks every occurrence, longest secret first', () => {
    const line = "const a = 'abcdefgh12345678'; const b = 'abcdefgh';";
    expect(redactSecrets(line, ['abcdefgh', 'abcdefgh12345678'])).toBe("const a = 'abcd…'; const b = 'abcd…';");
  });
  it('leaves text without secrets alone', () => {
    expect(redactSecrets('nothing here', ['secret-value', ''])).toBe('nothing here');
  });
});

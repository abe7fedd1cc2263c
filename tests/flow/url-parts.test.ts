import { describe, expect, it } from 'vitest';
import { controlsHost, fixesOrigin, placeUrlPart, positionsOfPieces, widestUrlPart } from '../../src/flow/url-parts.js';

describe('fixesOrigin', () => {
  it('is true once a host is followed by a slash, or for ? and #, or a leading single slash', () => {
    expect(fixesOrigin('https://api.example.com/')).toBe(true);
    expect(fixesOrigin('https://api.example.com/items/')).toBe(true);
    expect(fixesOrigin('?url=')).toBe(true);
    expect(fixesOrigin('#frag')).toBe(true);
    expect(fixesOrigin('/users/')).toBe(true);
  });
  it('is false while the host is still open', () => {
    expect(fixesOrigin('https://')).toBe(false);
    expect(fixesOrigin('https://api.example.com')).toBe(false);
    expect(fixesOrigin('//')).toBe(false);
    expect(fixesOrigin('.example.com')).toBe(false);
    expect(fixesOrigin('http')).toBe(false);
  });
});

describe('positionsOfPieces', () => {
  it('places a leading value as the whole URL', () => {
    expect(positionsOfPieces([{ value: true }, { text: '/overlay.json' }])).toEqual(['whole']);
  });
  it('places a value after the scheme as the host', () => {
    expect(positionsOfPieces([{ text: 'https://' }, { value: true }, { text: '.example.com/x' }])).toEqual(['host']);
  });
  it('places a value after a clean base without a separator as the host', () => {
    expect(positionsOfPieces([{ value: true }, { value: true }])).toEqual(['whole', 'host']);
  });
  it('places values after a fixed origin in the path', () => {
    expect(positionsOfPieces([{ text: 'https://api.example.com/items/' }, { value: true }])).toEqual(['path']);
    expect(positionsOfPieces([{ value: true }, { text: '/x/' }, { value: true }])).toEqual(['whole', 'path']);
    expect(positionsOfPieces([{ text: 'https://a.example.com' }, { text: '?q=' }, { value: true }])).toEqual(['path']);
  });
});

describe('the lattice', () => {
  it('only moves towards path when a value is placed', () => {
    expect(placeUrlPart('whole', 'path')).toBe('path');
    expect(placeUrlPart('path', 'whole')).toBe('path');
    expect(placeUrlPart('whole', 'host')).toBe('host');
    expect(placeUrlPart('host', 'whole')).toBe('host');
  });
  it('joins to the part that controls more', () => {
    expect(widestUrlPart('path', 'host')).toBe('host');
    expect(widestUrlPart('whole', 'host')).toBe('whole');
  });
  it('reports host control for whole and host', () => {
    expect(controlsHost('whole')).toBe(true);
    expect(controlsHost('host')).toBe(true);
    expect(controlsHost('path')).toBe(false);
  });
});

/**
 * The `openapi` setting: a string, read relative to the configuration file by the CLI; and the
 * document reader's cache (per path, modification time and size) that the ESLint rule relies on.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContractFile } from '../../src/contract/read-contract-file.js';
import { parseCliConfig } from '../../src/settings/load.js';
import { resolveSettings, SettingsError } from '../../src/settings/schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'api-guard-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openapi setting', () => {
  it('is an optional non-empty string', () => {
    expect(resolveSettings({}).openapi).toBeUndefined();
    expect(resolveSettings({ openapi: 'openapi.yaml' }).openapi).toBe('openapi.yaml');
    expect(() => resolveSettings({ openapi: 3 })).toThrow(SettingsError);
    expect(() => resolveSettings({ openapi: ' ' })).toThrow(/"openapi" must be the path of an OpenAPI document/);
  });

  it('the CLI reads a relative path from the configuration file\'s folder', () => {
    const config = parseCliConfig({ settings: { openapi: 'docs/openapi.yaml' } }, 'api-guard.config.json', dir);
    expect(config.settings.openapi).toBe(path.join(dir, 'docs/openapi.yaml'));
  });
});

describe('readContractFile', () => {
  it('keeps the parsed document while the file is unchanged, and reads it again after a change', () => {
    const file = path.join(dir, 'openapi.yaml');
    writeFileSync(file, 'openapi: 3.0.0\npaths:\n  /a: { get: {} }\n');
    const first = readContractFile(file);
    expect(first.ok && first.contract.operations.map((op) => op.path)).toEqual(['/a']);
    expect(readContractFile(file)).toBe(first);
    writeFileSync(file, 'openapi: 3.0.0\npaths:\n  /a: { get: {} }\n  /b: { get: {} }\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = readContractFile(file);
    expect(second).not.toBe(first);
    expect(second.ok && second.contract.operations.map((op) => op.path)).toEqual(['/a', '/b']);
  });

  it('answers with a message, never throws, for a missing, broken or foreign file', () => {
    expect(readContractFile(path.join(dir, 'missing.yaml'))).toMatchObject({ ok: false, message: expect.stringContaining('does not exist') });
    writeFileSync(path.join(dir, 'broken.json'), '{ "openapi": ');
    expect(readContractFile(path.join(dir, 'broken.json'))).toMatchObject({ ok: false, message: expect.stringContaining('broken.json is not valid JSON') });
    expect(readContractFile(dir)).toMatchObject({ ok: false, message: expect.stringContaining('is not a file') });
  });
});

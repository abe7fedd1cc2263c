import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { DOCS_BASE_URL } from '../src/rule-kit/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ruleFiles = readdirSync(`${root}/rules`)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('the plugin object', () => {
  it('has meta with the package name and version', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-api-guard');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exports every built rule, and nothing else', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
  });

  it('gives every rule a docs page that its meta.docs.url points to', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}${id}.md`);
      expect(existsSync(`${root}/docs/rules/${id}.md`), `docs/rules/${id}.md`).toBe(true);
    }
  });

  it('gives every rule CWE tags, a precision and a security severity', () => {
    for (const rule of Object.values(plugin.rules)) {
      const docs = rule.meta.docs!;
      expect(docs.cwe.length).toBeGreaterThan(0);
      expect(docs.cwe.every((c) => /^CWE-\d+$/.test(c))).toBe(true);
      expect(docs.owasp.every((o) => /^API\d+:2023$/.test(o))).toBe(true);
      expect(['very-high', 'high', 'medium', 'low']).toContain(docs.precision);
      expect(docs.securitySeverity).toBeGreaterThan(0);
    }
  });

  it('builds recommended and strict from rule metadata', () => {
    const recommended = plugin.configs.recommended!.rules ?? {};
    const strict = plugin.configs.strict!.rules ?? {};
    for (const [id, rule] of Object.entries(plugin.rules)) {
      expect(strict[`api-guard/${id}`]).toBe('error');
      expect(recommended[`api-guard/${id}`]).toBe(rule.meta.docs!.recommended === 'recommended' ? 'error' : undefined);
    }
    expect(plugin.configs.recommended!.name).toBe('api-guard/recommended');
  });
});

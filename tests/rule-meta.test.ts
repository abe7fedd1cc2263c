/**
 * Rule metadata checked at run time. eslint-plugin-eslint-plugin finds rules by their `create`
 * function, and api-guard's rules declare `detect` (the rule kit supplies `create`), so its static
 * rule checks cannot see them; this test makes the same checks on the rule objects.
 */
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

interface JsonSchemaObject {
  type?: string;
  properties?: Record<string, { description?: string; default?: unknown }>;
  additionalProperties?: unknown;
}

describe.each(Object.entries(plugin.rules))('the metadata of %s', (_id, rule) => {
  const meta = rule.meta;

  it('has a type, messages with well-formed placeholders, and default options (require-meta-type, require-meta-default-options)', () => {
    expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
    expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThan(0);
    for (const [messageId, text] of Object.entries(meta.messages ?? {})) {
      const braces = (text as string).match(/\{\{[^}]*\}\}/g) ?? [];
      for (const placeholder of braces) expect(placeholder, `${messageId}: ${placeholder}`).toMatch(/^\{\{\s*[A-Za-z_$][\w$]*\s*\}\}$/);
      expect((text as string).replace(/\{\{[^}]*\}\}/g, ''), `${messageId} has an unbalanced placeholder`).not.toMatch(/\{\{|\}\}/);
    }
    expect(Array.isArray((meta as { defaultOptions?: unknown }).defaultOptions)).toBe(true);
  });

  it('has an options schema that closes every object and describes every property without defaults (require-meta-schema, require-meta-schema-description, no-meta-schema-default)', () => {
    expect(Array.isArray(meta.schema)).toBe(true);
    for (const schema of meta.schema as JsonSchemaObject[]) {
      if (schema.type !== 'object') continue;
      expect(schema.additionalProperties).toBe(false);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description?.trim().length ?? 0, `${name} has no description`).toBeGreaterThan(0);
        expect(property, `${name} declares a default in the schema (use defaultOptions)`).not.toHaveProperty('default');
      }
    }
  });
});

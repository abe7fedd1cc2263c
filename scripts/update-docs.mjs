#!/usr/bin/env node
// Regenerates the README rules table and every docs page header from the built plugin's metadata.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  HEADER_END,
  HEADER_START,
  TABLE_END,
  TABLE_START,
  renderRuleHeader,
  renderRulesTable,
  replaceBetween,
} from './docs-generator.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { default: plugin } = await import(`${root}/dist/src/index.js`);

const readmePath = `${root}/README.md`;
const readme = readFileSync(readmePath, 'utf8');
writeFileSync(readmePath, replaceBetween(readme, TABLE_START, TABLE_END, renderRulesTable(plugin.rules)));

for (const [id, rule] of Object.entries(plugin.rules)) {
  const page = `${root}/docs/rules/${id}.md`;
  if (!existsSync(page)) {
    console.error(`missing docs page: docs/rules/${id}.md`);
    process.exitCode = 1;
    continue;
  }
  const text = readFileSync(page, 'utf8');
  writeFileSync(page, replaceBetween(text, HEADER_START, HEADER_END, renderRuleHeader(id, rule), true));
}
console.log(`updated README rules table and ${Object.keys(plugin.rules).length} docs headers`);

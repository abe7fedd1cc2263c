// Renders the parts of the docs that come from rule metadata: the README rules table and the
// header of each docs/rules/<rule>.md page. `npm run docs` writes them; tests/docs.test.ts checks
// that the committed files match, so docs never drift from `meta`.

export const TABLE_START = '<!-- begin auto-generated rules table -->';
export const TABLE_END = '<!-- end auto-generated rules table -->';
export const HEADER_START = '<!-- begin auto-generated rule header -->';
export const HEADER_END = '<!-- end auto-generated rule header -->';

/** The rules table of the README, one row per rule, sorted by id. */
export function renderRulesTable(rules) {
  const rows = Object.entries(rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rule]) => {
      const docs = rule.meta.docs;
      const config = docs.recommended === 'recommended' ? 'recommended, strict' : 'strict';
      const suggestions = rule.meta.hasSuggestions ? '💡' : '';
      return `| [\`api-guard/${id}\`](docs/rules/${id}.md) | ${docs.description} | ${docs.cwe.join(', ')} | ${docs.owasp.join(', ') || '—'} | ${config} | ${suggestions} |`;
    });
  return [
    TABLE_START,
    '',
    '| rule | what it finds | CWE | OWASP API Top 10 | in configs | suggestions |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    TABLE_END,
  ].join('\n');
}

/** The generated header of a rule's docs page. */
export function renderRuleHeader(id, rule) {
  const docs = rule.meta.docs;
  const config = docs.recommended === 'recommended' ? '`recommended` and `strict`' : '`strict`';
  const lines = [
    HEADER_START,
    '',
    `> ${docs.description}`,
    '',
    `- **Weakness:** ${docs.cwe.map((c) => `[${c}](https://cwe.mitre.org/data/definitions/${c.slice(4)}.html)`).join(', ')}`,
    `- **OWASP API Security Top 10 (2023):** ${docs.owasp.join(', ') || '—'}`,
    `- **Enabled in:** ${config}`,
    `- **Precision:** ${docs.precision}; **security severity:** ${docs.securitySeverity.toFixed(1)}`,
    `- **Type information:** not required; with typed linting the rule follows imports across files`,
  ];
  if (rule.meta.hasSuggestions) lines.push('- 💡 Offers editor suggestions');
  lines.push('', HEADER_END);
  return lines.join('\n');
}

/** Replaces the text between two markers (markers included); appends when absent. */
export function replaceBetween(text, start, end, replacement, insertAfterFirstHeading = false) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from !== -1 && to !== -1 && to > from) {
    return text.slice(0, from) + replacement + text.slice(to + end.length);
  }
  if (insertAfterFirstHeading) {
    const lines = text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('# '));
    if (heading !== -1) {
      lines.splice(heading + 1, 0, '', replacement);
      return lines.join('\n');
    }
  }
  return `${replacement}\n\n${text}`;
}

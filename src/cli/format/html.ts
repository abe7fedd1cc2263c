/**
 * One self-contained HTML page: counts, the route inventory with each route's posture, and the
 * findings by severity and rule, filterable by rule, severity and posture with a little inline
 * script. Everything that comes from the analyzed code (paths, messages, snippets, route paths,
 * guard names) is HTML-escaped, and a Content-Security-Policy allows only this page's own style and
 * script (by hash): no network, no other script, even if escaping were ever missed.
 */
import { createHash } from 'node:crypto';
import { countFindings, type ReportedFinding, type ScanReport } from '../scan-report.js';
import type { RouteRow } from '../route-inventory.js';
import { ROUTE_COLUMNS, getColumnValue, type RouteColumnValue } from '../route-columns.js';
import { listSuppressed } from '../suppressions.js';
import { describeContract, summarizeComparison, viewIssue, type ContractIssueView, type RowComparison } from '../route-contract.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --bg:#fff; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --err:#cf222e; --warn:#9a6700; --ok:#1a7f37; --unk:#6e7781; --chip:#f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --bg:#0d1117; --fg:#e6edf3; --muted:#9198a1; --line:#3d444d; --err:#ff7b72; --warn:#d29922; --ok:#3fb950; --unk:#9198a1; --chip:#161b22; } }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 24px; background: var(--bg); color: var(--fg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); } code { font: 12.5px ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.count { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 90px; }
.count b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.sev-error { color: var(--err); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; }
.posture { border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.kind-error { color: var(--err); font-weight: 600; } .kind-warning { color: var(--warn); font-weight: 600; }
.posture-protected { color: var(--ok); } .posture-public { color: var(--muted); } .posture-unprotected { color: var(--err); } .posture-unknown { color: var(--unk); }
.filters { display: flex; gap: 6px; flex-wrap: wrap; margin: 8px 0; }
.filters button { font: inherit; font-size: 12.5px; border: 1px solid var(--line); background: var(--chip); color: var(--fg); border-radius: 14px; padding: 2px 10px; cursor: pointer; }
.filters button[aria-pressed="true"] { border-color: var(--fg); font-weight: 600; }
tr[hidden] { display: none; } .nowrap code { white-space: nowrap; word-break: normal; }
`;

const SCRIPT = `
(function () {
  function setup(group) {
    var buttons = document.querySelectorAll('button[data-group="' + group + '"]');
    var rows = document.querySelectorAll('tr[data-' + group + ']');
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        var value = button.getAttribute('data-value');
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        var shown = 0;
        rows.forEach(function (row) {
          var match = value === '*' || row.getAttribute('data-' + group) === value;
          row.hidden = !match;
          if (match) shown++;
        });
        var counter = document.getElementById(group + '-shown');
        if (counter) counter.textContent = String(shown);
      });
    });
  }
  setup('rule');
  setup('severity');
  setup('posture');
  setup('kind');
})();
`;

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function filterButtons(group: string, values: readonly string[], label: string): string {
  const all = `<button type="button" data-group="${group}" data-value="*" aria-pressed="true">all ${escapeHtml(label)}</button>`;
  return `<div class="filters" role="group" aria-label="${escapeHtml(`filter by ${group}`)}">${all}${values
    .map((v) => `<button type="button" data-group="${group}" data-value="${escapeHtml(v)}" aria-pressed="false">${escapeHtml(v)}</button>`)
    .join('')}</div>`;
}

/** A message with its `code spans` shown as code; every part escaped. */
function messageHtml(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return escapeHtml(message); // unbalanced backticks: plain text
  return parts.map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}

function findingRow(path: string, f: ReportedFinding): string {
  return (
    `<tr data-rule="${escapeHtml(f.ruleId)}" data-severity="${escapeHtml(f.severity)}">` +
    `<td class="sev-${f.severity}">${escapeHtml(f.severity)}</td>` +
    `<td class="nowrap"><code>${escapeHtml(f.ruleId)}</code></td>` +
    `<td><code>${escapeHtml(`${path}:${f.line}:${f.column}`)}</code></td>` +
    `<td>${messageHtml(f.message)}${f.snippet.trim() ? `<br><code class="muted">${escapeHtml(f.snippet.trim())}</code>` : ''}</td>` +
    `</tr>`
  );
}

/** A posture column's cell: the value, with its reason as a tooltip; `-` and `?` muted. */
function columnCell(cell: RouteColumnValue): string {
  const title = cell.reason ? ` title="${escapeHtml(cell.reason)}"` : '';
  const value = cell.state === 'yes' ? `<code>${escapeHtml(cell.value)}</code>` : `<span class="muted">${escapeHtml(cell.value)}</span>`;
  return `<td data-state="${escapeHtml(cell.state)}"${title}>${value}</td>`;
}

function routeRow(r: RouteRow): string {
  const list = (items: readonly string[]): string => (items.length > 0 ? items.map((i) => `<code>${escapeHtml(i)}</code>`).join(', ') : '<span class="muted">none</span>');
  return (
    `<tr data-posture="${escapeHtml(r.posture.state)}">` +
    `<td><code>${escapeHtml(r.methods.join(', '))}</code></td>` +
    `<td><code>${escapeHtml(r.path)}</code></td>` +
    `<td>${escapeHtml(r.framework)}</td>` +
    `<td><code>${escapeHtml(`${r.relativePath}:${r.line}`)}</code></td>` +
    `<td>${list(r.guards)}</td>` +
    `<td>${list(r.validation)}</td>` +
    ROUTE_COLUMNS.map((column) => columnCell(getColumnValue(r.columns, column.id))).join('') +
    `<td><span class="posture posture-${escapeHtml(r.posture.state)}">${escapeHtml(r.posture.state)}</span>${r.posture.reason ? ` <span class="muted">${escapeHtml(r.posture.reason)}</span>` : ''}</td>` +
    `</tr>`
  );
}

function contractRow(v: ContractIssueView): string {
  const documented = v.documented ? `<code>${escapeHtml(v.documented)}</code>${v.documentedAt ? ` <span class="muted">${escapeHtml(v.documentedAt)}</span>` : ''}` : '<span class="muted">none</span>';
  return (
    `<tr data-kind="${escapeHtml(v.kind)}">` +
    `<td class="kind-${v.severity}">${escapeHtml(v.kind)}</td>` +
    `<td><code>${escapeHtml(v.method)}</code></td>` +
    `<td><code>${escapeHtml(v.path)}</code></td>` +
    `<td>${documented}</td>` +
    `<td>${v.relativePath ? `<code>${escapeHtml(`${v.relativePath}:${v.line}`)}</code>` : '<span class="muted">none</span>'}</td>` +
    `<td>${escapeHtml(v.detail)}</td>` +
    `</tr>`
  );
}

/** The routes against the API's contract: shadow routes, zombies, method and auth mismatches. */
function contractSection(comparison: RowComparison): string[] {
  const views = comparison.issues.map((issue) => viewIssue(comparison, issue));
  const out: string[] = [];
  out.push(`<h2 id="contract-heading">Routes against the contract <span class="muted">(<span id="kind-shown">${views.length}</span> shown)</span></h2>`);
  out.push(`<p class="muted" id="contract-source">${escapeHtml(describeContract(comparison))}</p>`);
  const notes = [
    ...(comparison.basePathNote ? [comparison.basePathNote] : []),
    ...comparison.contract.unresolvedRefs.map((ref) => `$ref ${ref} was not resolved (remote or missing); its operations are not known`),
    ...comparison.contract.notes,
  ];
  if (notes.length > 0) out.push(`<ul class="muted">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  if (views.length === 0) {
    out.push(`<p>The routes match the contract.</p>`);
  } else {
    const kinds = ['auth', 'shadow', 'method', 'zombie'].filter((k) => views.some((v) => v.kind === k));
    out.push(filterButtons('kind', kinds, 'kinds'));
    out.push(
      `<table id="contract"><thead><tr><th>kind</th><th>method</th><th>path</th><th>documented</th><th>code</th><th>detail</th></tr></thead><tbody>${views.map(contractRow).join('')}</tbody></table>`,
    );
  }
  out.push(`<p class="muted" id="contract-summary">${escapeHtml(summarizeComparison(comparison))}</p>`);
  return out;
}

export function formatHtml(report: ScanReport): string {
  const counts = countFindings(report);
  const findings = report.files
    .flatMap((file) => file.findings.map((f) => ({ path: file.relativePath, f })))
    .sort((a, b) => (a.f.severity === b.f.severity ? a.f.ruleId.localeCompare(b.f.ruleId) || a.path.localeCompare(b.path) || a.f.line - b.f.line : a.f.severity === 'error' ? -1 : 1));
  const ruleIds = [...new Set(findings.map((x) => x.f.ruleId))].sort();
  const routes = report.routes ?? [];
  const postures = [...new Set(routes.map((r) => r.posture.state))].sort();
  const unprotected = routes.filter((r) => r.posture.state === 'unprotected').length;
  const analyzed = report.files.filter((f) => !f.skipReason && !f.parseError).length;

  const count = (id: string, label: string, value: number): string => `<div class="count" id="${id}"><b>${value}</b>${escapeHtml(label)}</div>`;
  const body: string[] = [];
  body.push(`<h1>api-guard report</h1>`);
  body.push(`<div class="muted">${escapeHtml(`${report.toolName} ${report.toolVersion} · ${report.root}`)}</div>`);
  body.push(
    `<div class="counts">${count('count-errors', 'errors', counts.errors)}${count('count-warnings', 'warnings', counts.warnings)}${count('count-files', 'files analyzed', analyzed)}${count('count-routes', 'routes', routes.length)}${count('count-unprotected', 'unprotected routes', unprotected)}${report.baselineSuppressed > 0 ? count('count-baseline', 'in baseline', report.baselineSuppressed) : ''}</div>`,
  );

  body.push(`<h2>Findings <span class="muted">(<span id="rule-shown">${findings.length}</span> shown)</span></h2>`);
  if (findings.length === 0) {
    body.push(`<p>No findings.</p>`);
  } else {
    body.push(filterButtons('severity', ['error', 'warning'].filter((s) => findings.some((x) => x.f.severity === s)), 'severities'));
    body.push(filterButtons('rule', ruleIds, 'rules'));
    body.push(`<table id="findings"><thead><tr><th>severity</th><th>rule</th><th>location</th><th>message</th></tr></thead><tbody>${findings.map((x) => findingRow(x.path, x.f)).join('')}</tbody></table>`);
  }

  body.push(`<h2>Routes <span class="muted">(<span id="posture-shown">${routes.length}</span> shown)</span></h2>`);
  if (routes.length === 0) {
    body.push(`<p class="muted">No routes found${report.routes ? '' : ' (the route inventory was not computed)'}.</p>`);
  } else {
    body.push(filterButtons('posture', postures, 'postures'));
    body.push(
      `<table id="routes"><thead><tr><th>method</th><th>path</th><th>framework</th><th>handler</th><th>auth guards</th><th>validation</th>${ROUTE_COLUMNS.map((column) => `<th>${escapeHtml(column.htmlHeader)}</th>`).join('')}<th>posture</th></tr></thead><tbody>${routes.map(routeRow).join('')}</tbody></table>`,
    );
  }

  if (report.contract) body.push(...contractSection(report.contract));

  const suppressed = listSuppressed(report);
  if (suppressed.length > 0) {
    body.push(`<h2>Suppressed inline <span class="muted">(${suppressed.length})</span></h2>`);
    body.push(`<table id="suppressed"><thead><tr><th>location</th><th>rule</th><th>reason</th><th>message</th></tr></thead><tbody>`);
    for (const { relativePath, finding } of suppressed) {
      const reason = finding.suppression.reason ? escapeHtml(finding.suppression.reason) : '<em>no reason given</em>';
      body.push(`<tr><td>${escapeHtml(`${relativePath}:${finding.line}`)}</td><td>${escapeHtml(finding.ruleId)}</td><td>${reason}</td><td>${messageHtml(finding.message)}</td></tr>`);
    }
    body.push(`</tbody></table>`);
  }

  const notes = report.diagnostics;
  const broken = report.files.filter((f) => f.parseError);
  if (notes.length > 0 || broken.length > 0) {
    body.push(`<h2>Notes</h2><ul id="notes">`);
    for (const file of broken) body.push(`<li>${escapeHtml(`${file.relativePath}: ${file.parseError!.message}`)}</li>`);
    for (const d of notes) body.push(`<li>${escapeHtml(d.message)}</li>`);
    body.push(`</ul>`);
  }

  const csp = `default-src 'none'; style-src ${cspHash(STYLE)}; script-src ${cspHash(SCRIPT)}; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>api-guard report</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

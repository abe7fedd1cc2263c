/**
 * Small pieces of the output: the progress bar appears only on a terminal and is erased at the
 * end; Markdown escapes what comes from the analyzed code.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownMessage } from '../../src/cli/format/markdown.js';
import { createProgressBar } from '../../src/cli/progress.js';

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const bar = createProgressBar({ isTTY: false, write: (t) => void written.push(t) });
    bar.update(1, 10, 'src/a.ts');
    bar.finish();
    expect(written).toEqual([]);
  });

  it('on a terminal, draws after a short delay, strips control characters, and erases the line at the end', () => {
    const written: string[] = [];
    let now = 0;
    const bar = createProgressBar({ isTTY: true, columns: 80, write: (t) => void written.push(t) }, () => now);
    bar.update(0, 4, 'src/a.ts');
    expect(written).toEqual([]); // a fast scan shows no bar
    now = 1_000;
    bar.update(2, 4, 'src/\u001b[31mevil.ts');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\[#{12}-{12}\] 2\/4 src\/\?\[31mevil\.ts\u001b\[K$/);
    bar.finish();
    expect(written[1]).toBe('\r\u001b[K');
  });
});

describe('escapeMarkdown', () => {
  it('neutralizes HTML, table pipes, links and line breaks', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> | [click](javascript:alert(1))\nnext')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\| \\[click\\](javascript:alert(1)) next',
    );
  });
});

describe('markdownMessage', () => {
  it('keeps code spans literal and escapes the text around them', () => {
    expect(markdownMessage('`Partial<Appointment>` is not a class <b>')).toBe('`Partial<Appointment>` is not a class &lt;b&gt;');
    expect(markdownMessage('an odd ` backtick <i>')).toBe('an odd \\` backtick &lt;i&gt;');
  });
});

/**
 * A one-line progress bar on stderr, only when stderr is a terminal and the scan is long enough
 * to deserve one (it appears after a short delay, and is erased at the end).
 */

export interface ProgressWriter {
  readonly isTTY: boolean;
  readonly columns?: number;
  write(text: string): void;
}

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

const SHOW_AFTER_MS = 400;
const REDRAW_EVERY_MS = 80;

export function createProgressBar(stream: ProgressWriter, now: () => number = () => Date.now()): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done: number, total: number, label: string): void {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS || total === 0) return;
      lastDraw = t;
      const width = Math.max(20, Math.min(100, (stream.columns ?? 80) - 1));
      const barWidth = 24;
      const filled = Math.round((done / total) * barWidth);
      const head = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${done}/${total} `;
      const name = label.replace(/[\u0000-\u001f\u007f-\u009f]/gu, '?');
      const room = width - head.length;
      const shown = name.length > room ? `…${name.slice(name.length - room + 1)}` : name;
      stream.write(`\r${head}${shown}\u001b[K`);
      drawn = true;
    },
    finish(): void {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}

/**
 * Reads a source file's text the way ESLint sees it: UTF-8, a leading byte order mark removed (so
 * columns match ESLint's), and bytes that are not UTF-8 replaced rather than fatal, with a note.
 */
import { readFileSync } from 'node:fs';

export interface SourceText {
  readonly text: string;
  /** Things a person should know about how the text was read (`not valid UTF-8`). */
  readonly notes: readonly string[];
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes bytes as UTF-8; the BOM is dropped, invalid sequences become U+FFFD with a note. */
export function decodeSourceBytes(bytes: Uint8Array): SourceText {
  try {
    return { text: strictDecoder.decode(bytes), notes: [] };
  } catch {
    return {
      text: lenientDecoder.decode(bytes),
      notes: ['the file is not valid UTF-8; invalid bytes were read as U+FFFD and positions on those lines may be off'],
    };
  }
}

/** Reads and decodes a file; throws only when the file cannot be read. */
export function readSourceText(fileName: string): SourceText {
  return decodeSourceBytes(readFileSync(fileName));
}

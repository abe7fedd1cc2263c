/**
 * PEM blocks in string literals: a `PRIVATE KEY` block with a body is a secret; a header alone
 * (code that assembles a PEM from parts) and `PUBLIC KEY` or `CERTIFICATE` blocks are not.
 */

/** The base64 body after a PEM header, with `\n` escapes, line breaks and headers removed. */
function pemBody(block: string): string {
  const afterHeader = block.replace(/^-----BEGIN [^-]+-----/, '');
  const beforeFooter = afterHeader.replace(/-----END [^-]+-----[\s\S]*$/, '');
  return beforeFooter
    .replace(/\\[nr]/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !/^[\w-]+:/.test(line.trim())) // Proc-Type:, DEK-Info: headers
    .join('')
    .replace(/\s+/g, '');
}

/** True when the private-key block has a body of real key material (at least 64 base64 characters). */
export function hasPrivateKeyBody(block: string): boolean {
  const body = pemBody(block);
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return false;
  // A body of one repeated character or a run of `A`s is a placeholder.
  return new Set(body.replace(/=+$/, '')).size >= 16;
}

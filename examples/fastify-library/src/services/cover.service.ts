import { request } from 'undici';
import { LibraryError } from '../errors.js';

export interface Cover {
  contentType: string;
  bytes: Buffer;
}

const COVER_ORIGIN = 'https://covers.example-books.org';

/** Covers from the national catalogue: the origin is fixed, the ISBN is an encoded path segment. */
export async function lookupCoverByIsbn(isbn: string): Promise<Cover> {
  const { statusCode, headers, body } = await request(`${COVER_ORIGIN}/b/isbn/${encodeURIComponent(isbn)}-M.jpg`); // safe: fixed origin
  if (statusCode !== 200) throw new LibraryError(404, 'No cover for this ISBN');
  return { contentType: String(headers['content-type'] ?? 'image/jpeg'), bytes: Buffer.from(await body.arrayBuffer()) };
}

/** Librarians paste a cover picture URL found anywhere on the web. */
export async function downloadCover(coverUrl: string): Promise<Cover> {
  const { statusCode, headers, body } = await request(coverUrl, { maxRedirections: 3 }); // $ api-guard/no-ssrf
  if (statusCode !== 200) throw new LibraryError(422, 'Could not download that picture');
  return { contentType: String(headers['content-type'] ?? 'image/jpeg'), bytes: Buffer.from(await body.arrayBuffer()) };
}

import { createHash, randomUUID } from 'node:crypto';

/** SHA-256 of the MARC 21 bibliographic schema we validate against: a checksum, not a secret. */
export const MARC21_SCHEMA_SHA256 = '9f2b5c0e7a4d61c3b8e0f4a2d7c91e6b3a5f8d0c2e4b6a8f1d3c5e7a9b0c2d4e'; // safe: a published checksum

/** RFC 4122 URL namespace, used to derive stable ids for imported records. */
export const RECORD_ID_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'; // safe: a well-known UUID

const RECORD_TERMINATOR = '\u001d';
const FIELD_TERMINATOR = '\u001e';

export interface MarcRecord {
  id: string;
  leader: string;
  fields: string[];
}

export function checksumMatches(schemaText: string): boolean {
  return createHash('sha256').update(schemaText).digest('hex') === MARC21_SCHEMA_SHA256;
}

export function splitRecords(raw: string): MarcRecord[] {
  return raw
    .split(RECORD_TERMINATOR)
    .filter((chunk) => chunk.length >= 24)
    .map((chunk) => ({ id: randomUUID(), leader: chunk.slice(0, 24), fields: chunk.slice(24).split(FIELD_TERMINATOR).filter(Boolean) }));
}

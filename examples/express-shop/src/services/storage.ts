import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const UPLOAD_ROOT = process.env.UPLOAD_ROOT ?? '/var/lib/express-shop/uploads';

export async function storeImage(ownerId: string, bytes: Buffer, contentType: string): Promise<string> {
  const extension = contentType === 'image/png' ? 'png' : 'jpg';
  const key = `${ownerId}/${randomUUID()}.${extension}`;
  await mkdir(path.join(UPLOAD_ROOT, ownerId), { recursive: true });
  await writeFile(path.join(UPLOAD_ROOT, key), bytes);
  return key;
}

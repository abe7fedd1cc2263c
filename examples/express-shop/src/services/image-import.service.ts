import axios from 'axios';
import { Product } from '../models/product.js';
import { storeImage } from './storage.js';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Downloads a product picture from wherever the merchant hosts it and attaches it to the product. */
export async function importProductImage(productId: string, imageUrl: string): Promise<string> {
  const response = await axios.get<ArrayBuffer>(imageUrl, { // $ api-guard/no-ssrf
    responseType: 'arraybuffer',
    timeout: 10_000,
    maxContentLength: MAX_IMAGE_BYTES,
  });
  const key = await storeImage(productId, Buffer.from(response.data), String(response.headers['content-type'] ?? 'image/jpeg'));
  await Product.updateOne({ _id: productId }, { $push: { images: key } }); // safe: a key this service produced
  return key;
}

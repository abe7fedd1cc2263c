import axios from 'axios';
import { HttpError } from '../lib/http-error.js';

/** Supplier catalogues we have contracts with; nothing else is fetched. */
const SUPPLIER_FEED_HOSTS = new Set(['feeds.acme-wholesale.example', 'export.brightgoods.example']);

export interface SupplierItem {
  sku: string;
  title: string;
  priceCents: number;
}

export async function fetchSupplierFeed(feedUrl: string): Promise<SupplierItem[]> {
  let url: URL;
  try {
    url = new URL(feedUrl);
  } catch {
    throw new HttpError(400, 'feedUrl is not a URL');
  }
  if (url.protocol !== 'https:' || !SUPPLIER_FEED_HOSTS.has(url.hostname)) {
    throw new HttpError(400, 'Unknown supplier feed host');
  }
  const { data } = await axios.get<{ items: SupplierItem[] }>(url.toString(), { timeout: 15_000 }); // safe: host checked against the allowlist above
  return data.items;
}

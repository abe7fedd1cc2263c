import axios from 'axios';
import { config } from '../config.js';

export interface ShippingQuote {
  carrier: string;
  service: string;
  priceCents: number;
  days: number;
}

/** Quotes from the carrier's rate API: the origin is fixed, the customer only chooses path segments. */
export async function quoteShipping(country: string, postalCode: string): Promise<ShippingQuote[]> {
  const url = `${config.shippingRatesUrl}/quotes/${encodeURIComponent(country)}/${encodeURIComponent(postalCode)}`;
  const { data } = await axios.get<{ quotes: ShippingQuote[] }>(url, { timeout: 5_000 }); // safe: fixed origin, encoded path segments
  return data.quotes;
}

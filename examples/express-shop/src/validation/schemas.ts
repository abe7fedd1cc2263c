import { z } from 'zod';

export const registerSchema = z.object({
  email: z.string().email(),
  password: z.string().min(10).max(200),
  displayName: z.string().min(1).max(80),
});

export const loginSchema = z.object({
  email: z.string().email(),
  password: z.string().min(1),
});

export const reviewSchema = z
  .object({
    rating: z.number().int().min(1).max(5),
    body: z.string().max(4000).optional(),
  })
  .strict();

export const addressSchema = z.object({
  label: z.string().max(40).optional(),
  line1: z.string().min(1).max(120),
  line2: z.string().max(120).optional(),
  city: z.string().min(1).max(80),
  postalCode: z.string().min(2).max(12),
  country: z.string().length(2),
});

export const avatarImportSchema = z.object({
  avatarUrl: z.string().url(),
});

export const orderSchema = z.object({
  lines: z.array(z.object({ productId: z.string(), quantity: z.number().int().min(1).max(20) })).min(1),
  shippingAddressId: z.string(),
  note: z.string().max(500).optional(),
  notifyUrl: z.string().url().optional(),
});

export const productSchema = z.object({
  sku: z.string().min(3),
  title: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  priceCents: z.number().int().min(0),
  stock: z.number().int().min(0).default(0),
  tags: z.array(z.string()).default([]),
});

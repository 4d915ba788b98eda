import { z } from 'zod';
import { zodText } from '../../../shared/error-codes.js';

/** Shapes shared by many routes. */
export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const idParam = z.object({ id: z.uuid() });

export const regionCode = z
  .string()
  .regex(
    /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/,
    zodText(
      'kode wilayah harus berbentuk 32, 32.76, 32.76.03 atau 32.76.03.1001',
      'a region code looks like 32, 32.76, 32.76.03 or 32.76.03.1001',
    ),
  );

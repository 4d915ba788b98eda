import { z } from 'zod';
import type { App } from '../../platform/http/app-types.js';
import { listOf, regionCode } from '../../platform/http/schemas.js';
import type { RegionsService } from './regions.service.js';

const region = z.object({
  code: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  name: z.string(),
});

const listQuery = z.object({
  parent: regionCode.optional().describe('List the children of this region (omit for provinces)'),
  q: z.string().trim().min(2).max(100).optional().describe('Search by name'),
  level: z.coerce.number().int().min(1).max(4).optional(),
  within: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(regionCode).max(50).optional())
    .describe('Comma-separated region prefixes to stay inside'),
});

export function registerRegionRoutes(app: App, regions: RegionsService) {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'List child regions, or search regions by name',
        querystring: listQuery,
        response: { 200: listOf(region) },
      },
    },
    async (req) => {
      const { parent, q, level, within } = req.query;
      if (q) return regions.search(q, { level, within });
      return regions.children(parent ?? null, { within });
    },
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'One region with its ancestors',
        params: z.object({ code: regionCode }),
        response: { 200: region.extend({ ancestors: z.array(region.pick({ code: true, level: true, name: true })) }) },
      },
    },
    async (req) => regions.get(req.params.code),
  );
}

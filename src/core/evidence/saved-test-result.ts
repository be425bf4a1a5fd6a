import { z } from 'zod';

/**
 * The one schema of a saved `dvc test-api` result: `dvc test-api --save <dir>` writes
 * `<dst>-<type>-<yyyyMMddHHmmss>.result.json` through it, and `dvc evidence` reads the files of
 * 05-ket-qua-kiem-tra-api through it (the `--json` output saved by hand has the same core: ok, type, checks).
 * Unknown fields are kept: newer writers may add some.
 */
export const savedCheckSchema = z.looseObject({
  name: z.string(),
  ok: z.boolean(),
  message: z.unknown().optional(),
});

export const savedTestApiResultSchema = z.looseObject({
  dst: z.string().nullable().optional(),
  type: z.string(),
  url: z.string().optional(),
  /** ISO 8601, when the probe started. */
  timestamp: z.string().optional(),
  insecure: z.boolean().optional(),
  ok: z.boolean(),
  name: z.string().optional(),
  status: z.number().nullable().optional(),
  checks: z.array(savedCheckSchema),
  fault: z.unknown().optional(),
  warnings: z.array(z.unknown()).optional(),
});

export type SavedTestApiResult = z.infer<typeof savedTestApiResultSchema>;

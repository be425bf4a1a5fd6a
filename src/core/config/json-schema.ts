import { z } from 'zod';
import { configSchema } from './schema.js';

/** The JSON Schema of the config, generated from the zod schema (schemas/config.schema.json is this, committed). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://dvc.local/schemas/config.schema.json', title: 'dvc configuration' };
}

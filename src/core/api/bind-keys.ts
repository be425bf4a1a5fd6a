import type { JsonSchema } from './api-types.js';

/**
 * Receivers bind JSON keys case-insensitively (ASP.NET, Jackson with ACCEPT_CASE_INSENSITIVE_PROPERTIES), so a body
 * with `Data.mahoso` is what they read as `data.MaHoSo`. This renames keys to the schema's spelling before
 * validation, following `properties`, `items` and the branches of `anyOf`/`oneOf`/`allOf`. Pure: returns a copy.
 */
export function bindKeys(schema: JsonSchema | undefined, value: unknown): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = schema.items;
    return items && typeof items === 'object' && !Array.isArray(items)
      ? value.map((v) => bindKeys(items as JsonSchema, v))
      : value;
  }
  const props = collectProperties(schema);
  if (props.size === 0) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const hit = props.get(k.toLowerCase());
    const key = hit && !(hit.name in out && hit.name !== k) ? hit.name : k;
    out[key] = hit ? bindKeys(hit.schema, v) : v;
  }
  return out;
}

function collectProperties(
  schema: JsonSchema,
  into = new Map<string, { name: string; schema: JsonSchema }>(),
): Map<string, { name: string; schema: JsonSchema }> {
  const props = schema.properties;
  if (props && typeof props === 'object') {
    for (const [name, sub] of Object.entries(props as Record<string, JsonSchema>)) {
      if (!into.has(name.toLowerCase())) into.set(name.toLowerCase(), { name, schema: sub });
    }
  }
  for (const kw of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[kw];
    if (Array.isArray(branches))
      for (const b of branches) if (b && typeof b === 'object') collectProperties(b as JsonSchema, into);
  }
  return into;
}

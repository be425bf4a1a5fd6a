/**
 * How deep a JSON value nests, measured without recursion. Answers deeper than MAX_JSON_DEPTH are kept as text:
 * JSON.stringify and every recursive reader would overflow the stack on them (5,000 levels is enough), and no
 * province's answer needs more than a handful of levels.
 */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a value (a scalar is 0), counting no further than `limit + 1`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const inner of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([inner, depth]);
  }
  return deepest;
}

/** Parses JSON text and refuses values nested deeper than the limit (a `RangeError` naming the depth). */
export function parseBoundedJson(text: string, limit = MAX_JSON_DEPTH): unknown {
  const value: unknown = JSON.parse(text);
  if (jsonDepth(value, limit) > limit) throw new RangeError(`JSON nested deeper than ${limit} levels`);
  return value;
}

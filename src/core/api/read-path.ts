/** The value at a dotted path (`data.code`), keys matched case-insensitively. */
export function readPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.includes('.') ? path.split('.').filter(Boolean) : [path]) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    const obj = cur as Record<string, unknown>;
    const key = part in obj ? part : Object.keys(obj).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : obj[key];
  }
  return cur;
}

export function normaliseWhitespace(s: string): string { return s.replace(/\s+/g, ' ').trim(); }

export function foldDiacritics(s: string): string { return s; }
export function foldIY(s: string): string { return s; }

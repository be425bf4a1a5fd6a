export function normalisePunctuation(s: string): string { return s; }

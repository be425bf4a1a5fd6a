export function normaliseTonePlacement(s: string): string { return s; }

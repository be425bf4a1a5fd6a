export function encodeTcvn3(s: string): string { return s; }
export function encodeVni(s: string): string { return s; }

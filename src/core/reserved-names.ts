import { DvcError, ExitCode } from '../errors.js';

/** Names that are object machinery in JavaScript: never accepted as a province code, an API type or any key. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name.trim().toLowerCase());
}

/** Refuses a reserved name given for `flag` (exit 2). */
export function refuseReservedName(flag: string, name: string | undefined): void {
  if (name !== undefined && isReservedName(name))
    throw new DvcError('testApi.reservedName', { flag, name }, ExitCode.Usage);
}

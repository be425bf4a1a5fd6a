/** Edition names as a user types them: "2025", "gso-2004", "2004-2021", "GSO 2004". */
import { DvcError, ExitCode } from '../../errors.js';
import { EDITIONS, type Edition } from './reference-types.js';

export function parseEdition(value: string): Edition {
  const v = value.trim().toLowerCase().replace(/\s+/g, '-');
  const full = v.startsWith('gso-') ? v : `gso-${v}`;
  if ((EDITIONS as readonly string[]).includes(full)) return full as Edition;
  throw new DvcError(
    'reference.badEdition',
    { value, choices: EDITIONS.map((e) => e.replace(/^gso-/, '')).join(', ') },
    ExitCode.Usage,
  );
}

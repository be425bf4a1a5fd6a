import { createRequire } from 'node:module';
import type * as Saxes from 'saxes';

/**
 * saxes, required rather than imported: it is CommonJS, and Node reads a CommonJS module imported from ES modules
 * through its export scanner first (74 KB of source, about 60 ms of CPU in every map-communes run). It is required
 * on first use: a part the fast scanner of xml-lean.ts reads whole never needs it. The executable's bundle
 * (scripts/build-win.mjs) imports it statically instead.
 */
const require = createRequire(import.meta.url);

/** saxes's parser class, loaded on the first call (require keeps the module: later calls find it there). */
export function saxesParserClass(): typeof Saxes.SaxesParser {
  return (require('saxes') as typeof Saxes).SaxesParser;
}
export type SaxesParser = Saxes.SaxesParser;

// Builds data/edition-index.json.gz, the edition check's indexes of the three shipped lists (see
// src/core/reference/edition-index-file.ts), from the lists in data/. Run it after the lists change:
//
//   npm run build && node scripts/build-edition-index.mjs
//
// Output is deterministic. `src/io/reference-data.test.ts` fails while the shipped file differs from what this
// script would write.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
const { EDITIONS, buildEditionIndex, encodeEditionIndexes } = await load('core/reference/reference.js');
const { loadReferenceList, EDITION_INDEX_FILE } = await load('io/reference-data.js');

const json = JSON.stringify(encodeEditionIndexes(EDITIONS.map((e) => buildEditionIndex(loadReferenceList(e)))));
const file = path.join(root, 'data', EDITION_INDEX_FILE);
writeFileSync(file, gzipSync(Buffer.from(json, 'utf8'), { level: 9 }));
console.log(`wrote ${path.relative(root, file)}: ${json.length} bytes of JSON`);

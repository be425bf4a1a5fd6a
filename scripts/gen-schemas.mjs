// Regenerates schemas/*.json from the zod schemas (run by `npm run schemas`; a test checks they are current).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../dist/core/config/json-schema.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'schemas', 'config.schema.json'), JSON.stringify(configJsonSchema(), null, 2) + '\n');
console.log('schemas/config.schema.json');

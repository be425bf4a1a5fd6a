// Remove dist/ before a build, so that a file moved or deleted in src/ leaves no stale module behind.
import { rmSync } from 'node:fs';
import path from 'node:path';

rmSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist'), { recursive: true, force: true });

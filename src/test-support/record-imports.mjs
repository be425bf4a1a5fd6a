// Preloaded with `node --import` in tests: records every module URL the program resolves into $DVC_IMPORT_LOG.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DvcError, ExitCode, isDvcError } from '../errors.js';
import type { DvcConfig } from '../core/config/schema.js';
import { stripBom } from '../core/text/utf8.js';
import { decodeConfigBytes, looksMisdecoded } from './config-encoding.js';
import { FILE_LIMITS, FileShapeError, fileShapeError, jsonErrorAt, readBoundedFile } from './bounded-file.js';
import { searchCandidates } from './config-search.js';

export interface LoadedConfig {
  config: DvcConfig;
  /** Absolute path of the file the config came from; relative paths inside it resolve from its folder. */
  filepath: string;
}

async function parseYaml(filepath: string, text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(text);
  } catch (e) {
    throw new DvcError('config.parse', { file: filepath, reason: (e as Error).message }, ExitCode.Usage);
  }
}

function parseJson(filepath: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file: only where it breaks (line:column) goes into the message.
    const at = jsonErrorAt(text) ?? { line: 1, column: 1 };
    throw new DvcError('config.parse', { file: filepath, reason: `JSON ${at.line}:${at.column}` }, ExitCode.Usage);
  }
}

/** UTF-8 with or without a BOM; a UTF-16 file (PowerShell 5.1's `>`) is decoded as such. */
function configText(filepath: string, bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return looksMisdecoded(utf8) ? decodeConfigBytes(bytes, filepath) : stripBom(utf8);
}

/** A search skips what is not there or not readable, as a folder without a config. */
const NOT_THERE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/**
 * The bytes of a config file, read through the bounded reader: a regular file of at most 1 MiB, whether named by
 * `--config` or found by the search (a FIFO or a device is refused, never waited on). null: a searched place that
 * is not there.
 */
async function readConfigBytes(filepath: string, named: string | undefined): Promise<Buffer | null> {
  try {
    return await readBoundedFile(filepath, FILE_LIMITS.config);
  } catch (e) {
    if (e instanceof FileShapeError) throw fileShapeError(e, named ?? filepath);
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (named !== undefined) throw new DvcError('config.notFound', { path: named }, ExitCode.Usage);
    if (NOT_THERE.has(code)) return null;
    throw new DvcError('fs.readFailed', { path: filepath, code }, ExitCode.Usage);
  }
}

/** The configuration a file holds; undefined when it holds none (empty, or a package.json without `dvc`). */
async function configOf(filepath: string, bytes: Buffer): Promise<unknown> {
  const ext = path.extname(filepath).toLowerCase();
  if (ext === '.mjs' || ext === '.js' || ext === '.cjs') {
    try {
      return ((await import(pathToFileURL(filepath).href)) as { default?: unknown }).default;
    } catch (e) {
      throw new DvcError('config.parse', { file: filepath, reason: (e as Error).message }, ExitCode.Usage);
    }
  }
  const text = configText(filepath, bytes);
  if (text.trim() === '') return undefined;
  if (path.basename(filepath) === 'package.json') {
    const pkg = parseJson(filepath, text);
    return pkg && typeof pkg === 'object' && Object.hasOwn(pkg, 'dvc') ? (pkg as { dvc: unknown }).dvc : undefined;
  }
  return ext === '.json' ? parseJson(filepath, text) : parseYaml(filepath, text);
}

/**
 * Finds and validates the configuration: an explicit `--config` file, else a search from `cwd` up to the home
 * folder, then the user's config folder (see config-search.ts). Returns null when none exists and none was asked for.
 */
export async function loadConfig(opts: { configPath?: string; cwd: string }): Promise<LoadedConfig | null> {
  let found: { config: unknown; filepath: string } | null = null;
  try {
    if (opts.configPath) {
      const filepath = path.resolve(opts.cwd, opts.configPath);
      const config = await configOf(filepath, (await readConfigBytes(filepath, opts.configPath))!);
      if (config === null || config === undefined)
        throw new DvcError('config.parse', { file: opts.configPath, reason: 'empty' }, ExitCode.Usage);
      found = { config, filepath };
    } else {
      for (const filepath of searchCandidates(opts.cwd)) {
        const bytes = await readConfigBytes(filepath, undefined);
        if (!bytes) continue;
        const config = await configOf(filepath, bytes);
        if (config === null || config === undefined) continue;
        found = { config, filepath };
        break;
      }
    }
  } catch (e) {
    if (isDvcError(e)) throw e;
    throw new DvcError('config.parse', { file: opts.configPath ?? '?', reason: (e as Error).message }, ExitCode.Usage);
  }
  if (!found) return null;
  const { validateConfig } = await import('../core/config/validate.js');
  return { config: validateConfig(found.config, found.filepath), filepath: found.filepath };
}

/** Loads the config or fails with a message saying how to create one. */
export async function requireConfig(opts: { configPath?: string; cwd: string }): Promise<LoadedConfig> {
  const loaded = await loadConfig(opts);
  if (!loaded) throw new DvcError('config.none', {}, ExitCode.Usage);
  return loaded;
}

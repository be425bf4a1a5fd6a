import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../errors.js';
import type { DvcConfig } from '../core/config/schema.js';
import { stripBom } from '../core/text/utf8.js';
import { decodeConfigBytes, looksMisdecoded } from './config-encoding.js';
import { FILE_LIMITS, jsonErrorAt, readInputText } from './bounded-file.js';

export interface LoadedConfig {
  config: DvcConfig;
  /** Absolute path of the file the config came from; relative paths inside it resolve from its folder. */
  filepath: string;
}

const SEARCH_PLACES = [
  'package.json',
  'dvc.config.json',
  'dvc.config.yaml',
  'dvc.config.yml',
  'dvc.config.mjs',
  '.dvcrc',
  '.dvcrc.json',
  '.dvcrc.yaml',
  '.dvcrc.yml',
];

async function parseYaml(text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  return parse(stripBom(text));
}

function parseJson(filepath: string, text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch {
    // JSON.parse's message quotes the file: only where it breaks (line:column) goes into the message.
    const at = jsonErrorAt(stripBom(text)) ?? { line: 1, column: 1 };
    throw new DvcError('config.parse', { file: filepath, reason: `JSON ${at.line}:${at.column}` }, ExitCode.Usage);
  }
}

/** cosmiconfig hands over the file decoded as UTF-8; a UTF-16 file (PowerShell 5.1's `>`) is read again. */
async function configText(filepath: string, content: string): Promise<string> {
  return looksMisdecoded(content) ? decodeConfigBytes(await readFile(filepath), filepath) : content;
}

/**
 * Finds and validates the configuration: an explicit `--config` file, else cosmiconfig's search from `cwd`
 * up to the home folder. Returns null when none exists and none was asked for.
 */
export async function loadConfig(opts: { configPath?: string; cwd: string }): Promise<LoadedConfig | null> {
  const { cosmiconfig } = await import('cosmiconfig');
  const yamlLoader = async (filepath: string, content: string) => {
    try {
      return await parseYaml(await configText(filepath, content));
    } catch (e) {
      if (isDvcError(e)) throw e;
      throw new DvcError('config.parse', { file: filepath, reason: (e as Error).message }, ExitCode.Usage);
    }
  };
  // cosmiconfig itself takes the `dvc` property out of package.json.
  const jsonLoader = async (filepath: string, content: string) =>
    parseJson(filepath, await configText(filepath, content));
  const explorer = cosmiconfig('dvc', {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'global',
    loaders: { '.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader, noExt: yamlLoader },
  });
  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    if (opts.configPath) {
      const abs = path.resolve(opts.cwd, opts.configPath);
      // A regular file within its limit (a FIFO or a device would block the read below).
      await readInputText(
        abs,
        FILE_LIMITS.config,
        () => new DvcError('config.notFound', { path: opts.configPath }, ExitCode.Usage),
      );
      result = await explorer.load(abs);
    } else {
      result = await explorer.search(opts.cwd);
    }
  } catch (e) {
    if (isDvcError(e)) throw e;
    throw new DvcError('config.parse', { file: opts.configPath ?? '?', reason: (e as Error).message }, ExitCode.Usage);
  }
  if (!result || result.config === null || result.config === undefined) {
    if (opts.configPath) throw new DvcError('config.parse', { file: opts.configPath, reason: 'empty' }, ExitCode.Usage);
    return null;
  }
  const { validateConfig } = await import('../core/config/validate.js');
  return { config: validateConfig(result.config, result.filepath), filepath: result.filepath };
}

/** Loads the config or fails with a message saying how to create one. */
export async function requireConfig(opts: { configPath?: string; cwd: string }): Promise<LoadedConfig> {
  const loaded = await loadConfig(opts);
  if (!loaded) throw new DvcError('config.none', {}, ExitCode.Usage);
  return loaded;
}

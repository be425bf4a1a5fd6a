// `npm run lint`: the type check, plus the house rules a compiler does not see.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkLayers } from './check-layers.mjs';
import { processCwdProblem } from './process-cwd-rule.mjs';
import { EMULATION_REGISTRY, emulationNameProblems, emulationNames } from './emulation-name-rule.mjs';
import { appTextProblems } from './app-text-rule.mjs';
import { processStateProblems } from './process-state-rule.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
for (const command of [
  'npx tsc --noEmit -p .',
  'npx eslint src',
  'npx prettier --check --log-level warn src scripts bench',
]) {
  try {
    execSync(command, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`lint: \`${command}\` failed (its findings are above)`);
    process.exit(1);
  }
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

const problems = checkLayers();
const emulations = emulationNames(readFileSync(path.join(root, EMULATION_REGISTRY), 'utf8'));
if (emulations.length === 0)
  problems.push(`${EMULATION_REGISTRY}: no emulation names found (the lint rule reads them)`);
for (const file of files(path.join(root, 'src'))) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const text = readFileSync(file, 'utf8');
  const isTest = rel.endsWith('.test.ts');
  if (rel.startsWith('src/core/') && !isTest) {
    if (/(:|as|<)\s*any\b/.test(text)) problems.push(`${rel}: 'any' in src/core`);
    if (/console\.(log|error|warn|info)\(/.test(text)) problems.push(`${rel}: console output in src/core`);
    if (/from ['"]node:(fs|net|http|https|tls|dns|child_process)/.test(text))
      problems.push(`${rel}: I/O import in src/core`);
  }
  if (!rel.startsWith('src/cli/') && !isTest && /process\.exit\(/.test(text))
    problems.push(`${rel}: process.exit outside src/cli`);
  const cwdProblem = processCwdProblem(rel, text);
  if (cwdProblem) problems.push(cwdProblem);
  problems.push(...emulationNameProblems(rel, text, emulations));
  problems.push(...appTextProblems(rel, text));
  problems.push(...processStateProblems(rel, text));
  if (/\b(it|test|describe)\.(only|skip)\(/.test(text)) problems.push(`${rel}: focused or skipped test`);
  // Exit codes are the named constants of src/errors.ts (ExitCode.Ok, …), never numbers.
  if (
    rel.startsWith('src/cli/') &&
    !isTest &&
    /\breturn [0-9]+;|exitCode = [0-9]+\b|process\.exit\([0-9]+\)/.test(text)
  )
    problems.push(`${rel}: an exit code written as a number (use ExitCode)`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('lint: ok');

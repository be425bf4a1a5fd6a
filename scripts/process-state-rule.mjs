// What a run of dvc may leave in its process (src/cli/process-state.ts): V8 flags are set only through
// src/cli/v8-flags.ts, which records them, and a module-level `let` is either watched (the tests' after-each check
// then sees it change) or listed below as a value no test can observe differently.

/** The only file that may call setFlagsFromString. */
export const V8_FLAGS_MODULE = 'src/cli/v8-flags.ts';

/**
 * Module-level `let`s that are not watched, by file and name, each with the reason a test that runs after another
 * cannot see what the other left there.
 */
export const MODULE_LETS = new Map([
  ['src/cli/main.ts registered', 'rebuilt by every run from the same command table'],
  ['src/io/http/send-probe.ts lastParsed', 'a cache of the last URL parsed, keyed by its text'],
  [
    'src/io/http/timed-connector.ts lastBase',
    'a cache of the last connector built, keyed by its options; it holds no session',
  ],
  ['src/io/atomic-write.ts handlersInstalled', 'follows the listeners on process, which the after-each check sees'],
  ['src/io/evidence/payload-files.ts scratch', 'a reused buffer, valid only until the next read'],
  ['src/cli/render/review/review-page.ts model', "inside the review page's script text, run in the browser"],
  ['src/cli/render/review/review-page.ts rows', "inside the review page's script text, run in the browser"],
  ['src/cli/render/review/review-page.ts active', "inside the review page's script text, run in the browser"],
  ['src/core/evidence/personal-data.ts foldTable', 'a constant table built on first use, the same for every run'],
  ['src/core/evidence/personal-data.ts scratch', 'a reused buffer, valid only until the next string is masked'],
  ['src/io/evidence/sha256-hasher.ts h', "inside the hash worker's source text, run in a worker thread"],
  ['src/core/api/schema-validator.ts draft07', 'one Ajv per draft for schemas without $id; one with $id gets its own'],
  ['src/core/api/schema-validator.ts draft2020', 'as draft07'],
]);

const isTest = (rel) => rel.endsWith('.test.ts') || rel.startsWith('src/test-support/');

/** The problems of one source file (`rel` from the repository root, forward slashes); empty when none. */
export function processStateProblems(rel, text) {
  const problems = [];
  if (rel !== V8_FLAGS_MODULE && /\bsetFlagsFromString\b/.test(text))
    problems.push(`${rel}: setFlagsFromString outside ${V8_FLAGS_MODULE} (use setV8Flag, which records the flag)`);
  if (isTest(rel)) return problems;
  const watched = /\bwatchProcessState\(/.test(text);
  for (const m of text.matchAll(/^(?:export )?(?:let|var) ([A-Za-z_$][\w$]*)/gm)) {
    if (watched || MODULE_LETS.has(`${rel} ${m[1]}`)) continue;
    problems.push(
      `${rel}: module-level \`let ${m[1]}\` outside src/cli/process-state.ts (watch it with watchProcessState, or list it in scripts/process-state-rule.mjs with the reason no test can see it)`,
    );
  }
  return problems;
}

// Only src/cli/ asks the process for its working directory; the layers below are given the folder (ctx.cwd), so
// an in-process run can name any folder and a test never has to change the process's directory.

/** Files below src/cli that may still read process.cwd(), each with the reason. Empty: every reader was moved. */
export const PROCESS_CWD_ALLOWED = new Map([]);

/** The problem with one source file, or null: `rel` is the path from the repository root, with forward slashes. */
export function processCwdProblem(rel, text) {
  if (!/\bprocess\.cwd\(\)/.test(text)) return null;
  if (rel.startsWith('src/cli/') || rel.startsWith('src/test-support/') || rel.endsWith('.test.ts')) return null;
  if (PROCESS_CWD_ALLOWED.has(rel)) return null;
  return `${rel}: process.cwd() outside src/cli (take the folder as a parameter from the command)`;
}

// src/app orchestrates: it returns codes and parameters, and every word a person reads is written by a renderer
// of src/cli (through the catalogue, src/i18n) that the command hands down. So src/app imports nothing of src/i18n
// and holds no text literal: none with Vietnamese letters, none that reads like an English sentence.
import ts from 'typescript';

/** Vietnamese letters outside ASCII (a name or a sentence, not a code). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Three or more words of letters with spaces between, as a sentence has; codes and keys have none. */
const SENTENCE = /[A-Za-z][a-z]+[,;:]? +[a-z]{2,}[,;:]? +[a-z]{2,}/;

/**
 * Files of src/app that may still hold words, each with the reason. Empty: the words of map-communes and evidence
 * moved to renderers in src/cli. A file put here is named, not hidden.
 */
export const APP_TEXT_ALLOWED = new Map([]);

/**
 * Literals of src/app that are not words to translate, each with the reason: file → literal → why.
 */
export const APP_LITERALS_ALLOWED = new Map([
  [
    'src/app/test-api/probe-target.ts',
    new Map([['gzip, deflate, br', 'the Accept-Encoding header a browser sends, not words']]),
  ],
  [
    'src/app/evidence/index-page.ts',
    new Map([
      ['not a SHA-256 digest for file ', 'an internal invariant (exit 70 with DVC_DEBUG), not a message to a person'],
    ]),
  ],
]);

const isTestOnly = (rel) => rel.endsWith('.test.ts') || rel.startsWith('src/test-support/');

function literalsOf(rel, text) {
  const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = [];
  const visit = (node) => {
    // Module names are paths, not words.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode?.(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({ text: node.text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The i18n modules a file imports (static, type-only or dynamic), as written. */
function i18nImports(text) {
  const found = [];
  for (const m of text.matchAll(/(?:from\s+|import\(\s*|import\s+)['"]([^'"]*\/i18n(?:\/[^'"]*)?)['"]/g))
    found.push(m[1]);
  return found;
}

/** The problems of one source file; `rel` is the path from the repository root, with forward slashes. */
export function appTextProblems(rel, text) {
  if (!rel.startsWith('src/app/') || isTestOnly(rel) || APP_TEXT_ALLOWED.has(rel)) return [];
  const problems = i18nImports(text).map(
    (m) => `${rel}: imports ${m} (src/app returns codes and parameters; a renderer in src/cli words them)`,
  );
  const allowed = APP_LITERALS_ALLOWED.get(rel) ?? new Map();
  for (const { text: literal, line } of literalsOf(rel, text)) {
    if (allowed.has(literal)) continue;
    if (VIETNAMESE.test(literal))
      problems.push(`${rel}:${line}: Vietnamese text in src/app: ${JSON.stringify(literal)} (word it in src/cli)`);
    else if (SENTENCE.test(literal))
      problems.push(`${rel}:${line}: English text in src/app: ${JSON.stringify(literal)} (word it in src/cli)`);
  }
  return problems;
}

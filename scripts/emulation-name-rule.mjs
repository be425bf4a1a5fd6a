// An emulated system is named in its registry and nowhere else in src: every other place reads the registry (the
// config schema, the command's choices, the mock server), so a name written as a literal elsewhere is a second
// list waiting to drift.
import ts from 'typescript';

/** The registry, from the repository root, with forward slashes. */
export const EMULATION_REGISTRY = 'src/core/api/emulation/emulations.ts';

/** A literal type that names a property key: `Pick<T, …>`, `Omit<T, …>`, `T['…']` (an option called `reference`, say). */
function isPropertyKeyArgument(node) {
  let n = node.parent;
  if (!n || !ts.isLiteralTypeNode(n)) return false;
  while (n.parent && ts.isUnionTypeNode(n.parent)) n = n.parent;
  if (n.parent && ts.isIndexedAccessTypeNode(n.parent) && n.parent.indexType === n) return true;
  const ref = n.parent;
  return (
    !!ref &&
    ts.isTypeReferenceNode(ref) &&
    ref.typeArguments?.[1] === n &&
    ts.isIdentifier(ref.typeName) &&
    (ref.typeName.text === 'Pick' || ref.typeName.text === 'Omit')
  );
}

function literals(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isPropertyKeyArgument(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ value: node.text, line: line + 1, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The names the registry gives: the first argument of each `emulation('<name>', …)` call. */
export function emulationNames(registryText) {
  return literals(EMULATION_REGISTRY, registryText)
    .filter(({ node }) => {
      const call = node.parent;
      return (
        ts.isCallExpression(call) &&
        call.arguments[0] === node &&
        ts.isIdentifier(call.expression) &&
        call.expression.text === 'emulation'
      );
    })
    .map(({ value }) => value);
}

/** The problems with one source file: `rel` is the path from the repository root, with forward slashes. */
export function emulationNameProblems(rel, text, names) {
  if (rel === EMULATION_REGISTRY || rel.endsWith('.test.ts') || rel.startsWith('src/test-support/')) return [];
  // Most files name no emulation at all: look closer only where a quoted name appears.
  if (!names.some((n) => ['"', "'", '`'].some((q) => text.includes(`${q}${n}${q}`)))) return [];
  return literals(rel, text)
    .filter(({ value }) => names.includes(value))
    .map(
      ({ value, line }) =>
        `${rel}:${line}: the emulation name '${value}' written as a literal (read it from ${EMULATION_REGISTRY})`,
    );
}

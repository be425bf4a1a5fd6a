import { escapeXml } from '../api/xml-tree.js';
/**
 * The JUnit report as data, then as XML: the dialect Jenkins (junit plugin) and GitLab read: `testsuites` >
 * `testsuite name tests failures errors time` > `properties` + `testcase name classname time` with `<failure>`
 * for a failed check and `<error>` for a transport fault.
 */
export interface JunitCase {
  name: string;
  classname: string;
  /** Seconds. */
  time: number;
  failure?: { message: string; type: string; text: string };
  error?: { message: string; type: string; text: string };
}

export interface JunitSuite {
  name: string;
  timestamp: string;
  /** Seconds. */
  time: number;
  properties: Array<[string, string]>;
  cases: JunitCase[];
}

const esc = escapeXml;

const secs = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '0.000');

export function junitXml(suites: JunitSuite[]): string {
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const errors = suites.reduce((n, s) => n + s.cases.filter((c) => c.error).length, 0);
  const time = suites.reduce((n, s) => n + s.time, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dvc test-api" tests="${tests}" failures="${failures}" errors="${errors}" time="${secs(time)}">`,
  ];
  for (const s of suites) {
    const f = s.cases.filter((c) => c.failure).length;
    const e = s.cases.filter((c) => c.error).length;
    lines.push(
      `  <testsuite name="${esc(s.name)}" tests="${s.cases.length}" failures="${f}" errors="${e}" skipped="0" time="${secs(s.time)}" timestamp="${esc(s.timestamp)}">`,
    );
    if (s.properties.length) {
      lines.push('    <properties>');
      for (const [k, v] of s.properties) lines.push(`      <property name="${esc(k)}" value="${esc(v)}"/>`);
      lines.push('    </properties>');
    }
    for (const c of s.cases) {
      const open = `    <testcase name="${esc(c.name)}" classname="${esc(c.classname)}" time="${secs(c.time)}"`;
      const detail = c.failure ? (['failure', c.failure] as const) : c.error ? (['error', c.error] as const) : null;
      if (!detail) {
        lines.push(`${open}/>`);
        continue;
      }
      const [tag, d] = detail;
      lines.push(
        `${open}>`,
        `      <${tag} message="${esc(d.message)}" type="${esc(d.type)}">${esc(d.text)}</${tag}>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

import { t, type Lang } from '../../../i18n/i18n.js';
import type { ProbeResult, TestApiRun } from '../../../app/test-api/run-test-api.js';
import { junitXml, type JunitCase, type JunitSuite } from '../../../core/probe/junit-model.js';

function timingProps(p: ProbeResult, prefix = ''): Array<[string, string]> {
  return Object.entries(p.timings).map(([k, v]) => [`${prefix}timing.${k}.ms`, v === null ? '' : String(v)]);
}

/** A single probe: one testcase per check (or one `<error>` testcase for a transport fault). */
function casesOfProbe(p: ProbeResult, classname: string, lang: Lang): JunitCase[] {
  const time = p.timings.total / 1000;
  if (p.fault) {
    const text = t(lang, p.fault.message.key, p.fault.message.params);
    return [{ name: 'transport', classname, time, error: { message: text, type: p.fault.code || p.fault.kind, text } }];
  }
  return p.checks.map((c) => {
    const text = t(lang, c.message.key, c.message.params);
    return {
      name: c.name,
      classname,
      time: c.name === 'time' ? time : 0,
      ...(c.ok ? {} : { failure: { message: text, type: c.name, text } }),
    };
  });
}

/** --cases: one testcase per case, failing with the list of its failed checks. */
function caseOfSuiteMember(p: ProbeResult, classname: string, lang: Lang): JunitCase {
  const time = p.timings.total / 1000;
  if (p.fault) {
    const text = t(lang, p.fault.message.key, p.fault.message.params);
    return { name: p.name, classname, time, error: { message: text, type: p.fault.code || p.fault.kind, text } };
  }
  const failed = p.checks.filter((c) => !c.ok);
  if (!failed.length) return { name: p.name, classname, time };
  const text = failed.map((c) => `${c.name}: ${t(lang, c.message.key, c.message.params)}`).join('\n');
  return {
    name: p.name,
    classname,
    time,
    failure: { message: text.split('\n')[0], type: failed.map((c) => c.name).join(','), text },
  };
}

/** The JUnit report of a run: a testsuite named `<dst>.<type>` with the timings and TLS facts as properties. */
export function runJunit(run: TestApiRun, lang: Lang): string {
  const name = `${run.dst ?? 'url'}.${run.type}`;
  const first = run.probes[0];
  const props: Array<[string, string]> = [
    ['url', run.url],
    ['insecure', String(run.insecure)],
  ];
  if (first?.response) props.push(['http.status', String(first.response.status)]);
  if (first?.tls)
    props.push(['tls.protocol', first.tls.protocol ?? ''], ['tls.daysToExpiry', String(first.tls.daysToExpiry ?? '')]);
  let cases: JunitCase[];
  let time = run.probes.reduce((n, p) => n + p.timings.total, 0) / 1000;
  if (run.load) {
    const l = run.load;
    props.push(
      ['load.requests', String(l.requests)],
      ['load.concurrency', String(l.concurrency)],
      ['load.throughput', String(l.throughput)],
      ['latency.p50.ms', String(l.latency.p50)],
      ['latency.p90.ms', String(l.latency.p90)],
      ['latency.p99.ms', String(l.latency.p99)],
    );
    for (const [k, n] of Object.entries(l.errorsByKind)) props.push([`errors.${k}`, String(n)]);
    time = l.wallMs / 1000;
    const failedText = Object.entries(l.errorsByKind)
      .map(([k, n]) => `${k}: ${n}`)
      .join('\n');
    cases = [
      {
        name: 'load',
        classname: name,
        time,
        ...(l.failed ? { failure: { message: `${l.failed}/${l.requests}`, type: 'load', text: failedText } } : {}),
      },
    ];
  } else if (run.probes.length > 1) {
    cases = run.probes.map((p) => caseOfSuiteMember(p, name, lang));
  } else {
    if (first) props.push(...timingProps(first));
    cases = first ? casesOfProbe(first, name, lang) : [];
  }
  const suite: JunitSuite = {
    name,
    timestamp: first?.startedAt ?? new Date().toISOString(),
    time,
    properties: props,
    cases,
  };
  return junitXml([suite]);
}

// uvu's `suite` and `test`, wrapped to remember what each suite registered and whether it ran.
// On exit, a suite with tests that never ran, a focused test or a skipped test fails the process.
import * as uvu from 'uvu';

const suites = [];
const problems = [];
// TEST_TIMES=1 prints how long each test and each before/after hook took (to find slow tests).
const timed = process.env.TEST_TIMES === '1'
  ? (label, fn) => async (...a) => {
    const start = performance.now();
    try { return await fn(...a); } finally { console.error(`time ${(performance.now() - start).toFixed(0).padStart(6)} ms  ${label}`); }
  }
  : (_label, fn) => fn;

export function suite(name = '', state) {
  const real = uvu.suite(name, state);
  const entry = { name, tests: 0, ran: false };
  suites.push(entry);
  const wrapped = (title, fn) => {
    entry.tests++;
    return real(title, timed(title, fn));
  };
  Object.assign(wrapped, real);
  wrapped.before = Object.assign((fn) => real.before(timed('(before)', fn)), { each: real.before.each });
  wrapped.after = Object.assign((fn) => real.after(timed('(after)', fn)), { each: real.after.each });
  wrapped.run = () => {
    entry.ran = true;
    return real.run();
  };
  wrapped.only = (title, ...rest) => {
    entry.tests++;
    problems.push(`focused test (.only) in "${name}": ${title}`);
    return real.only(title, ...rest);
  };
  wrapped.skip = (title, ...rest) => {
    problems.push(`skipped test (.skip) in "${name}": ${title}`);
    return real.skip(title, ...rest);
  };
  return wrapped;
}

export const test = suite();
export const exec = uvu.exec;

process.on('exit', () => {
  for (const s of suites) if (s.tests > 0 && !s.ran) problems.push(`suite "${s.name || '(test)'}" has ${s.tests} test(s) but never calls .run()`);
  if (!problems.length) return;
  for (const p of problems) console.error(`uvu-guard: ${p}`);
  process.exitCode = 1;
});

// Lighthouse on the calculator and on the Yew hello-world floor (issue #17): the mobile preset
// (simulated slow 4G, 4x CPU slowdown) on the release builds served with brotli and production
// cache headers, three interleaved runs each, medians side by side. A benchmark, not a gate:
// it exits non-zero only when Lighthouse itself fails. Run it through
// `bash scripts/bench.sh --lighthouse`, which builds and precompresses both first.
//
//   node bench/lighthouse.mjs
//
// Environment (all optional):
//   BENCH_APP_DIST    built SellerCalc   (default bench-results/build/app)
//   BENCH_HELLO_DIST  built hello floor  (default bench-results/build/hello)
//   BENCH_OUT         where results go   (default bench-results)
//   LIGHTHOUSE_RUNS   runs per page      (default 3)
//   LIGHTHOUSE_PRESET mobile (default) or desktop
//   CHROMIUM_PATH     (default /usr/bin/chromium)
//
// Writes bench-results/lighthouse-<UTC time>.json (every run's metrics, the LCP element, the
// long tasks, tool versions, commit, load average), lighthouse-latest.json and
// lighthouse-latest.md (the table below), and keeps each run's full report under
// bench-results/lighthouse/<time>/ for a closer look.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../tests/e2e/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const env = process.env;

const RUNS = Number(env.LIGHTHOUSE_RUNS ?? 3);
const PRESET = env.LIGHTHOUSE_PRESET ?? 'mobile';
const OUT = path.resolve(root, env.BENCH_OUT ?? 'bench-results');
const PAGES = {
  app: { label: 'SellerCalc', dist: path.resolve(root, env.BENCH_APP_DIST ?? 'bench-results/build/app') },
  hello: { label: 'hello floor', dist: path.resolve(root, env.BENCH_HELLO_DIST ?? 'bench-results/build/hello') },
};
// Headless as the tests run it, plus what Lighthouse's docs ask for in a container; and no
// reaching for Google's hosts, which this machine refuses.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Installed on demand by `bash scripts/bench.sh --lighthouse` (not a project dependency: 200 MB
// that no test needs).
const lighthouseBin = process.env.LIGHTHOUSE_BIN
  ?? path.join(root, 'target', 'lighthouse', 'node_modules', '.bin', 'lighthouse');

const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
const reportsDir = path.join(OUT, 'lighthouse', stamp);
fs.mkdirSync(reportsDir, { recursive: true });

const median = (xs) => {
  const s = [...xs].filter((x) => x != null).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

/** One Lighthouse run of `url`; returns the metrics that the table shows, and more. Asynchronous:
 * the pages are served from this process, whose event loop must keep running meanwhile. */
async function lighthouse(url, name) {
  const output = path.join(reportsDir, `${name}.json`);
  const args = [
    url,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    ...(PRESET === 'desktop' ? ['--preset=desktop'] : []),
  ];
  try {
    await promisify(execFile)(lighthouseBin, args, {
      env: { ...env, CHROME_PATH: chromiumPath },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    throw new Error(`lighthouse ${url} failed (exit ${err.code}):\n${err.stderr}`);
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  const audit = (id) => report.audits[id];
  const value = (id) => audit(id)?.numericValue ?? null;
  const score = (id) => (report.categories[id]?.score == null ? null : Math.round(report.categories[id].score * 100));
  const lcpElement = audit('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node;
  const longTasks = (audit('long-tasks')?.details?.items ?? []).map((t) => ({
    url: t.url,
    start: Math.round(t.startTime),
    duration: Math.round(t.duration),
  }));
  // Audits that did not pass in the three scored categories besides performance.
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    report.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && audit(ref.id)?.score !== null && audit(ref.id)?.score < 1)
      .map((ref) => `${c}: ${ref.id}`),
  );
  return {
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    fcp: value('first-contentful-paint'),
    si: value('speed-index'),
    tti: value('interactive'),
    cls: value('cumulative-layout-shift'),
    maxFid: value('max-potential-fid'),
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpElement: lcpElement ? { selector: lcpElement.selector, snippet: lcpElement.snippet } : null,
    longTasks,
    failing,
    report: path.relative(root, output),
  };
}

const servers = {};
for (const [key, page] of Object.entries(PAGES)) {
  servers[key] = await startStaticServer({ root: page.dist, host: '127.0.0.1', port: 0, cache: 'production' });
}

const runs = { app: [], hello: [] };
const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
try {
  for (let i = 1; i <= RUNS; i++) {
    // Interleaved, so that drift in the machine's load hits both alike.
    for (const key of i % 2 ? ['app', 'hello'] : ['hello', 'app']) {
      const r = await lighthouse(servers[key].url, `${key}-${i}`);
      runs[key].push(r);
      console.log(
        `lighthouse: ${PAGES[key].label.padEnd(11)} run ${i}: LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, ` +
          `FCP ${Math.round(r.fcp)} ms, CLS ${r.cls.toFixed(3)}, scores ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}`,
      );
    }
  }
} finally {
  for (const s of Object.values(servers)) await s.close();
}

const METRICS = [
  ['lcp', 'largest contentful paint', 'ms'],
  ['tbt', 'total blocking time', 'ms'],
  ['fcp', 'first contentful paint', 'ms'],
  ['si', 'speed index', 'ms'],
  ['tti', 'time to interactive', 'ms'],
  ['maxFid', 'max potential FID', 'ms'],
  ['cls', 'cumulative layout shift', ''],
  ['performance', 'performance score', ''],
  ['accessibility', 'accessibility score', ''],
  ['bestPractices', 'best practices score', ''],
  ['seo', 'SEO score', ''],
];
const medians = Object.fromEntries(
  Object.keys(PAGES).map((key) => [key, Object.fromEntries(METRICS.map(([m]) => [m, median(runs[key].map((r) => r[m]))]))]),
);
const show = (v, unit) => (v == null ? '—' : unit === 'ms' ? `${Math.round(v)} ms` : Number.isInteger(v) ? `${v}` : v.toFixed(3));
const spread = (key, m, unit) => runs[key].map((r) => show(r[m], unit).replace(' ms', '')).join(', ');

const goals = {
  lcpAtOrBelowFloor: medians.app.lcp <= medians.hello.lcp,
  tbtAtMost100: medians.app.tbt <= 100,
  scores100: ['accessibility', 'bestPractices', 'seo'].every((m) => medians.app[m] === 100),
};
const lines = [];
lines.push(`Lighthouse ${PRESET} preset, ${RUNS} interleaved runs each, medians (each run in brackets)`);
lines.push(`commit ${git('rev-parse', '--short', 'HEAD') ?? '?'}${git('status', '--porcelain', '--untracked-files=no') ? ' (dirty)' : ''}, ${new Date().toISOString()}, load average ${loadAverage.join(' ')} on ${os.cpus().length} cores`);
lines.push('');
lines.push('| metric | SellerCalc | hello floor | SellerCalc / floor |');
lines.push('| --- | ---: | ---: | ---: |');
for (const [m, label, unit] of METRICS) {
  const a = medians.app[m];
  const h = medians.hello[m];
  const ratio = unit === 'ms' && a != null && h ? `${(a / h).toFixed(2)}×` : '';
  lines.push(`| ${label} | ${show(a, unit)} (${spread('app', m, unit)}) | ${show(h, unit)} (${spread('hello', m, unit)}) | ${ratio} |`);
}
lines.push('');
lines.push(`Goals (issue #17): LCP at or below the floor's: ${goals.lcpAtOrBelowFloor ? 'met' : 'missed'}; ` +
  `TBT ≤ 100 ms: ${goals.tbtAtMost100 ? 'met' : 'missed'}; accessibility, best practices, SEO at 100: ${goals.scores100 ? 'met' : 'missed'}.`);
const lcpEl = runs.app.at(-1)?.lcpElement;
if (lcpEl) lines.push(`SellerCalc's LCP element (last run): \`${lcpEl.selector}\``);
const failing = [...new Set(runs.app.flatMap((r) => r.failing))];
if (failing.length) lines.push(`SellerCalc audits not passed: ${failing.join(', ')}`);
const tasks = runs.app.map((r) => r.longTasks.map((t) => t.duration).join('+') || 'none');
lines.push(`SellerCalc's long tasks (ms, as Lighthouse simulates them), per run: ${tasks.join(' | ')}`);
const table = lines.join('\n');
console.log(`\n${table}`);

const tool = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const result = {
  meta: {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
    preset: PRESET,
    runs: RUNS,
    loadAverage,
    cores: os.cpus().length,
    lighthouse: tool(lighthouseBin, ['--version']),
    chromium: tool(chromiumPath, ['--version']),
    node: process.version,
  },
  medians,
  goals,
  runs,
};
const file = path.join(OUT, `lighthouse-${stamp}.json`);
fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(OUT, 'lighthouse-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(OUT, 'lighthouse-latest.md'), `${table}\n`);
console.log(`\nlighthouse: wrote ${path.relative(root, file)}, lighthouse-latest.json and lighthouse-latest.md; reports in ${path.relative(root, reportsDir)}/`);

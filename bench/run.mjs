// SellerCalc's benchmark (issue #7). Run it through scripts/bench.sh, which builds
// everything first; this file only measures, prints the table and writes the JSON.
//
//   node bench/run.mjs
//
// Measures, for SellerCalc and for the Yew hello-world floor (bench/hello/) in the same run:
//   sizes      each first-load file (bench/sizes.mjs): raw, gzip -9, brotli 11, total
//   cold load  headless Chromium, localhost, a fresh browser context (empty cache) per run:
//              navigation start -> first time the figure is in the DOM with text
//              (MutationObserver + performance.now(), installed before any page script)
//   warm load  the same context navigating again: hashed files from cache (--cache production)
//   keystroke  set the input's value, dispatch `input`, time until the figure's text changes
//   memory     JS heap (performance.memory, precise) and wasm linear memory, after load and
//              after 1,000 edits, each after a forced GC; exits 1 if either more than doubles
//   throughput window.sellerCalc.compare calls/s in the page vs the engine natively
//
// Environment (all optional):
//   BENCH_APP_DIST      built SellerCalc      (default bench-results/build/app)
//   BENCH_HELLO_DIST    built hello floor     (default bench-results/build/hello)
//   BENCH_NATIVE_JSON   native engine result  (default bench-results/build/engine-native.json)
//   BENCH_OUT           where JSON goes       (default bench-results)
//   BENCH_COLD_RUNS 15, BENCH_EDITS 200, BENCH_MEM_EDITS 1000, BENCH_THROUGHPUT_MS 1000
//   CHROMIUM_PATH       (default /usr/bin/chromium)
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.mjs';
import { GZIP_AIM_BYTES, GZIP_BUDGET_BYTES, kb, sizeReport } from './sizes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const env = process.env;
const num = (name, dflt) => (env[name] ? Number(env[name]) : dflt);

const CONFIG = {
  appDist: path.resolve(root, env.BENCH_APP_DIST ?? 'bench-results/build/app'),
  helloDist: path.resolve(root, env.BENCH_HELLO_DIST ?? 'bench-results/build/hello'),
  nativeJson: path.resolve(root, env.BENCH_NATIVE_JSON ?? 'bench-results/build/engine-native.json'),
  outDir: path.resolve(root, env.BENCH_OUT ?? 'bench-results'),
  coldRuns: num('BENCH_COLD_RUNS', 15),
  warmRuns: num('BENCH_WARM_RUNS', 5),
  edits: num('BENCH_EDITS', 200),
  // Pause between the first rendered figure and the first timed keystroke.
  settleMs: num('BENCH_SETTLE_MS', 500),
  memEdits: num('BENCH_MEM_EDITS', 1000),
  memSamples: 4,
  throughputMs: num('BENCH_THROUGHPUT_MS', 1000),
  chromiumPath,
  memoryGrowthLimit: 2,
  coldLoadAim: 1.5,
  keystrokeP95AimMs: 4,
};

// The e2e tests' flags, plus precise performance.memory.
const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info'];

// What each app renders, and the input a keystroke edits. Values alternate, so every edit
// changes the figure.
const APPS = {
  app: {
    label: 'SellerCalc',
    dist: CONFIG.appDist,
    ready: '[data-testid="pop-monthly-profit"]',
    input: '#in-product-unit-cost',
    values: ['31.5', '25'],
    engine: true,
  },
  hello: {
    label: 'hello floor',
    dist: CONFIG.helloDist,
    ready: '[data-testid="hello"]',
    input: '#in-hello',
    values: ['Yew', 'world'],
    engine: false,
  },
};

const SCENARIOS = { default: {}, jit: { semi: { mode: 'jit' } } };

// ---------------------------------------------------------------- statistics
function quantile(values, q) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
const median = (v) => quantile(v, 0.5);
const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

// ---------------------------------------------------------------- in-page code
// Installed before any script of the page: records when `selector` first has text.
function installProbe(selector) {
  const mark = { rendered: null, frame: null, started: null };
  window.__bench = mark;
  addEventListener('TrunkApplicationStarted', (e) => {
    mark.started = performance.now();
    window.__benchWasm = e.detail && e.detail.wasm;
  });
  const check = () => {
    if (mark.rendered !== null) return true;
    const el = document.querySelector(selector);
    if (el && el.textContent.trim() !== '') {
      mark.rendered = performance.now();
      // The frame that paints it starts at the next animation frame.
      requestAnimationFrame(() => {
        mark.frame = performance.now();
      });
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

// Runs `n` edits in the page; returns each edit's ms from dispatch to the figure's new text.
async function editsInPage({ input, ready, values, n, start, settle }) {
  const el = document.querySelector(input);
  if (!el) throw new Error(`no ${input} in the page`);
  const text = () => document.querySelector(ready)?.textContent ?? '';
  const nextFrame = () =>
    new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          setTimeout(resolve, 0);
        }
      };
      requestAnimationFrame(finish);
      setTimeout(finish, 100); // if frames are not being produced
    });
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = text();
    const value = values[(start + i) % values.length];
    let resolve;
    const changed = new Promise((r) => {
      resolve = r;
    });
    const observer = new MutationObserver(() => {
      if (text() !== before) resolve(performance.now());
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timeout = setTimeout(() => resolve(NaN), 5000);
    const t0 = performance.now();
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
    if (text() !== before) resolve(performance.now()); // rendered synchronously
    const t1 = await changed;
    clearTimeout(timeout);
    observer.disconnect();
    times.push(t1 - t0);
    if (settle === 'frame') await nextFrame();
    else await new Promise((r) => setTimeout(r, 0));
  }
  return times;
}

function throughputInPage({ scenario, minMs }) {
  const api = window.sellerCalc;
  const first = api.compare(scenario);
  if (!first || first.ok !== true) throw new Error(`compare(${JSON.stringify(scenario)}) is not ok`);
  for (let i = 0; i < 50; i++) api.compare(scenario);
  let calls = 0;
  let batch = 16;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < batch; i++) api.compare(scenario);
    calls += batch;
    batch = Math.min(batch * 2, 1024);
    t = performance.now();
  }
  return { calls, ms: t - t0, perSecond: calls / ((t - t0) / 1000) };
}

// ---------------------------------------------------------------- browser steps
async function newPage(browser, app) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(installProbe, app.ready);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon\.ico/.test(msg.location()?.url ?? '')) page.errors.push(`console.error: ${msg.text()}`);
  });
  return { context, page };
}

async function loadOnce(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout: 30_000, polling: 20 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: new URL(r.name).pathname,
      transferSize: r.transferSize,
      encodedBodySize: r.encodedBodySize,
      decodedBodySize: r.decodedBodySize,
      responseEnd: r.responseEnd,
    }));
    const wasm = resources.filter((r) => r.name.endsWith('.wasm')).map((r) => r.responseEnd);
    return {
      rendered: window.__bench.rendered,
      frame: window.__bench.frame,
      started: window.__bench.started,
      htmlResponseEnd: nav ? nav.responseEnd : null,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      wasmResponseEnd: wasm.length ? Math.max(...wasm) : null,
      fcp: fcp ? fcp.startTime : null,
      transfer: resources.reduce((a, r) => a + r.transferSize, nav ? nav.transferSize : 0),
      resources,
    };
  });
}

// One cold load in a fresh context (empty HTTP cache), then, if `warm`, a second navigation in
// the same context: hashed files come from its cache, index.html is revalidated.
async function coldLoadRun(browser, app, url, warm) {
  const { context, page } = await newPage(browser, app);
  try {
    const cold = await loadOnce(page, url);
    const again = warm ? await loadOnce(page, url) : null;
    return { cold, warm: again, errors: [...page.errors] };
  } finally {
    await context.close();
  }
}

function summariseLoads(runs) {
  const pick = (key) => runs.map((r) => r[key]);
  const rendered = pick('rendered');
  return {
    runs: runs.length,
    firstRenderMs: { median: round(median(rendered)), min: round(Math.min(...rendered)), max: round(Math.max(...rendered)) },
    firstFrameMs: round(median(pick('frame'))),
    firstContentfulPaintMs: round(median(pick('fcp').filter((x) => x !== null))),
    htmlResponseEndMs: round(median(pick('htmlResponseEnd'))),
    wasmResponseEndMs: round(median(pick('wasmResponseEnd'))),
    trunkStartedMs: round(median(pick('started'))),
    transferBytes: median(pick('transfer')),
    samplesMs: rendered.map((x) => round(x)),
  };
}

// Cold loads of every app, interleaved (app, hello, app, hello, ...) so slow drift in the
// machine hits both alike. Round 0 only warms the OS file cache and the servers; discarded.
async function coldLoads(browser, urls) {
  const runs = Object.fromEntries(Object.keys(APPS).map((k) => [k, { cold: [], warm: [], errors: [], resources: [] }]));
  for (let i = 0; i <= CONFIG.coldRuns; i++) {
    for (const [key, app] of Object.entries(APPS)) {
      const r = await coldLoadRun(browser, app, urls[key], i > 0 && i <= CONFIG.warmRuns);
      runs[key].errors.push(...r.errors);
      if (i === 0) continue;
      runs[key].cold.push(r.cold);
      if (r.warm) runs[key].warm.push(r.warm);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([key, r]) => [
      key,
      { cold: summariseLoads(r.cold), warm: summariseLoads(r.warm), resources: r.cold[0]?.resources ?? [], errors: r.errors },
    ]),
  );
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => ({
    jsHeapUsed: performance.memory ? performance.memory.usedJSHeapSize : null,
    jsHeapTotal: performance.memory ? performance.memory.totalJSHeapSize : null,
    wasmMemory: window.__benchWasm && window.__benchWasm.memory ? window.__benchWasm.memory.buffer.byteLength : null,
    domNodes: document.getElementsByTagName('*').length,
  }));
}

async function interactive(browser, app, url, nativeRates) {
  const out = {};
  // Keystrokes (and throughput) in one fresh page.
  {
    const { context, page } = await newPage(browser, app);
    try {
      await loadOnce(page, url);
      // Typing starts once the page has settled, as a person's would: the views below the first
      // screen are built in the frames after the first figures (app.rs, use_painted), and that
      // start-up work is cold load, not keystroke latency.
      await page.waitForTimeout(CONFIG.settleMs);
      const times = await page.evaluate(editsInPage, {
        input: app.input,
        ready: app.ready,
        values: app.values,
        n: CONFIG.edits,
        start: 0,
        settle: 'frame',
      });
      const bad = times.filter((t) => !Number.isFinite(t)).length;
      if (bad) throw new Error(`${app.label}: ${bad} of ${times.length} edits did not change ${app.ready} within 5 s`);
      out.keystroke = {
        edits: times.length,
        p50Ms: round(quantile(times, 0.5), 3),
        p95Ms: round(quantile(times, 0.95), 3),
        maxMs: round(Math.max(...times), 3),
        firstMs: round(times[0], 3),
      };
      if (app.engine) {
        out.throughput = {};
        for (const [name, scenario] of Object.entries(SCENARIOS)) {
          const r = await page.evaluate(throughputInPage, { scenario, minMs: CONFIG.throughputMs });
          const native = nativeRates?.scenarios?.[name];
          out.throughput[name] = {
            wasmPerSecond: round(r.perSecond, 0),
            wasmCalls: r.calls,
            nativePerSecond: native ? round(native.compare_per_s, 0) : null,
            nativeJsonRoundtripPerSecond: native ? round(native.json_roundtrip_per_s, 0) : null,
            wasmOverNative: native ? round(r.perSecond / native.compare_per_s, 3) : null,
            wasmOverNativeJsonRoundtrip: native ? round(r.perSecond / native.json_roundtrip_per_s, 3) : null,
          };
        }
      }
      out.errors = [...page.errors];
    } finally {
      await context.close();
    }
  }
  // Memory: another fresh page; after load, then every 1/memSamples of the edits.
  {
    const { context, page } = await newPage(browser, app);
    try {
      const cdp = await context.newCDPSession(page);
      await loadOnce(page, url);
      await page.waitForTimeout(300);
      const afterLoad = await memory(page, cdp);
      const samples = [{ edits: 0, ...afterLoad }];
      const step = Math.ceil(CONFIG.memEdits / CONFIG.memSamples);
      for (let done = 0; done < CONFIG.memEdits; done += step) {
        const n = Math.min(step, CONFIG.memEdits - done);
        await page.evaluate(editsInPage, { input: app.input, ready: app.ready, values: app.values, n, start: done, settle: 'task' });
        samples.push({ edits: done + n, ...(await memory(page, cdp)) });
      }
      const afterEdits = samples[samples.length - 1];
      const ratio = (k) => (afterLoad[k] ? afterEdits[k] / afterLoad[k] : null);
      out.memory = {
        afterLoad,
        afterEdits,
        edits: CONFIG.memEdits,
        jsHeapGrowth: round(ratio('jsHeapUsed'), 3),
        wasmMemoryGrowth: round(ratio('wasmMemory'), 3),
        samples,
      };
      out.memory.bounded =
        (out.memory.jsHeapGrowth ?? 0) <= CONFIG.memoryGrowthLimit && (out.memory.wasmMemoryGrowth ?? 0) <= CONFIG.memoryGrowthLimit;
      out.errors = [...(out.errors ?? []), ...page.errors];
    } finally {
      await context.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------- report
function meta(browserVersion) {
  const run = (cmd, args, cwd = root) => {
    try {
      return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
    dirty: (run('git', ['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    rustc: run('rustc', ['--version']),
    trunk: run('trunk', ['--version']),
    wasmOpt: run('wasm-opt', ['--version']),
    node: process.version,
    chromium: browserVersion,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`,
    // Timings are only as good as the machine was quiet: the 1-minute load average at the start.
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    config: CONFIG,
  };
}

const fmt = (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
const ratio = (a, b, d = 2) => (a && b ? `${(a / b).toFixed(d)}x` : '-');
const mb = (bytes) => (bytes === null || bytes === undefined ? '-' : (bytes / 1048576).toFixed(2));

function table(result) {
  const { app, hello } = result;
  const L = [];
  const row = (label, a, h, r = '') => L.push(`${label.padEnd(46)} ${String(a).padStart(14)} ${String(h).padStart(14)} ${String(r).padStart(9)}`);
  L.push('');
  L.push(`SellerCalc benchmark  ${result.meta.date}  commit ${result.meta.commit ?? '?'}${result.meta.dirty ? ' (dirty)' : ''}`);
  L.push(`${result.meta.chromium ?? ''} | node ${result.meta.node} | ${result.meta.rustc ?? ''} | ${result.meta.wasmOpt ?? ''} | ${result.meta.cpus}`);
  const load = result.meta.loadAverage?.[0] ?? 0;
  L.push(
    `load average ${result.meta.loadAverage?.join(' ') ?? '?'}` +
      (load > os.cpus().length ? '  WARNING: the machine was busy; timings are inflated and noisy' : ''),
  );
  L.push('');
  L.push('First-load files (KB = 1024 B)                     raw KB    gzip KB   brotli KB');
  for (const [key, label] of [['app', 'SellerCalc'], ['hello', 'hello floor']]) {
    for (const f of result[key].size.files) {
      L.push(`  ${label.padEnd(12)} ${f.file.padEnd(36)} ${kb(f.raw).padStart(8)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(11)}`);
    }
    const t = result[key].size.total;
    L.push(`  ${label.padEnd(12)} ${'TOTAL'.padEnd(36)} ${kb(t.raw).padStart(8)} ${kb(t.gzip).padStart(10)} ${kb(t.brotli).padStart(11)}`);
  }
  L.push('');
  row('', 'SellerCalc', 'hello floor', 'ratio');
  row('first load, gzip total (KB)', kb(app.size.total.gzip), kb(hello.size.total.gzip), ratio(app.size.total.gzip, hello.size.total.gzip));
  row('first load, brotli total (KB)', kb(app.size.total.brotli), kb(hello.size.total.brotli), ratio(app.size.total.brotli, hello.size.total.brotli));
  row('first load, raw total (KB)', kb(app.size.total.raw), kb(hello.size.total.raw), ratio(app.size.total.raw, hello.size.total.raw));
  row(`cold load to first render, median of ${app.load.cold.runs} (ms)`, fmt(app.load.cold.firstRenderMs.median), fmt(hello.load.cold.firstRenderMs.median), ratio(app.load.cold.firstRenderMs.median, hello.load.cold.firstRenderMs.median));
  row('  min .. max (ms)', `${fmt(app.load.cold.firstRenderMs.min)}..${fmt(app.load.cold.firstRenderMs.max)}`, `${fmt(hello.load.cold.firstRenderMs.min)}..${fmt(hello.load.cold.firstRenderMs.max)}`);
  row('  wasm fetched / app started (ms)', `${fmt(app.load.cold.wasmResponseEndMs)} / ${fmt(app.load.cold.trunkStartedMs)}`, `${fmt(hello.load.cold.wasmResponseEndMs)} / ${fmt(hello.load.cold.trunkStartedMs)}`);
  row('  bytes transferred (KB, served precompressed)', kb(app.load.cold.transferBytes), kb(hello.load.cold.transferBytes), ratio(app.load.cold.transferBytes, hello.load.cold.transferBytes));
  row(`warm load (cached), median of ${app.load.warm.runs} (ms)`, fmt(app.load.warm.firstRenderMs.median), fmt(hello.load.warm.firstRenderMs.median), ratio(app.load.warm.firstRenderMs.median, hello.load.warm.firstRenderMs.median));
  row(`keystroke to new figure, p50 of ${app.keystroke.edits} (ms)`, fmt(app.keystroke.p50Ms, 2), fmt(hello.keystroke.p50Ms, 2), ratio(app.keystroke.p50Ms, hello.keystroke.p50Ms));
  row(`keystroke to new figure, p95 of ${app.keystroke.edits} (ms)`, fmt(app.keystroke.p95Ms, 2), fmt(hello.keystroke.p95Ms, 2), ratio(app.keystroke.p95Ms, hello.keystroke.p95Ms));
  row('  first keystroke / max (ms)', `${fmt(app.keystroke.firstMs, 2)} / ${fmt(app.keystroke.maxMs, 2)}`, `${fmt(hello.keystroke.firstMs, 2)} / ${fmt(hello.keystroke.maxMs, 2)}`);
  row('JS heap after load (MB)', mb(app.memory.afterLoad.jsHeapUsed), mb(hello.memory.afterLoad.jsHeapUsed), ratio(app.memory.afterLoad.jsHeapUsed, hello.memory.afterLoad.jsHeapUsed));
  row(`JS heap after ${app.memory.edits} edits (MB)`, mb(app.memory.afterEdits.jsHeapUsed), mb(hello.memory.afterEdits.jsHeapUsed), ratio(app.memory.afterEdits.jsHeapUsed, hello.memory.afterEdits.jsHeapUsed));
  row('wasm memory after load (MB)', mb(app.memory.afterLoad.wasmMemory), mb(hello.memory.afterLoad.wasmMemory), ratio(app.memory.afterLoad.wasmMemory, hello.memory.afterLoad.wasmMemory));
  row(`wasm memory after ${app.memory.edits} edits (MB)`, mb(app.memory.afterEdits.wasmMemory), mb(hello.memory.afterEdits.wasmMemory), ratio(app.memory.afterEdits.wasmMemory, hello.memory.afterEdits.wasmMemory));
  row('growth after edits: JS heap / wasm memory', `${fmt(app.memory.jsHeapGrowth, 2)}x / ${fmt(app.memory.wasmMemoryGrowth, 2)}x`, `${fmt(hello.memory.jsHeapGrowth, 2)}x / ${fmt(hello.memory.wasmMemoryGrowth, 2)}x`);
  L.push('');
  L.push('Engine throughput, compare() calls/s         native         wasm (page)   wasm/native');
  for (const [name, t] of Object.entries(app.throughput ?? {})) {
    L.push(`  ${`${name} scenario`.padEnd(38)} ${fmt(t.nativePerSecond, 0).padStart(12)} ${fmt(t.wasmPerSecond, 0).padStart(16)} ${fmt(t.wasmOverNative, 3).padStart(12)}`);
    L.push(`  ${'  native incl. JSON parse + serialise'.padEnd(38)} ${fmt(t.nativeJsonRoundtripPerSecond, 0).padStart(12)} ${''.padStart(16)} ${fmt(t.wasmOverNativeJsonRoundtrip, 3).padStart(12)}`);
  }
  L.push('  (wasm = window.sellerCalc.compare(obj) in the page, so it includes the JS<->wasm translation)');
  L.push('');
  L.push('Budgets and aims');
  for (const b of result.budgets) L.push(`  ${b.ok ? 'ok  ' : b.kind === 'budget' ? 'FAIL' : 'miss'} ${b.what.padEnd(44)} ${b.value.padStart(12)}  (${b.kind} ${b.limit})`);
  return L.join('\n');
}

function budgets(result) {
  const { app, hello } = result;
  const gz = app.size.total.gzip;
  const coldRatio = app.load.cold.firstRenderMs.median / hello.load.cold.firstRenderMs.median;
  return [
    { kind: 'budget', what: 'first-load gzip total', value: `${kb(gz)} KB`, limit: `<= ${kb(GZIP_BUDGET_BYTES)} KB`, ok: gz <= GZIP_BUDGET_BYTES },
    { kind: 'aim', what: 'first-load gzip total', value: `${kb(gz)} KB`, limit: `<= ${kb(GZIP_AIM_BYTES)} KB`, ok: gz <= GZIP_AIM_BYTES },
    { kind: 'aim', what: 'cold load vs hello floor', value: `${coldRatio.toFixed(2)}x`, limit: `< ${CONFIG.coldLoadAim}x`, ok: coldRatio < CONFIG.coldLoadAim },
    { kind: 'aim', what: 'keystroke p95', value: `${fmt(app.keystroke.p95Ms, 2)} ms`, limit: `< ${CONFIG.keystrokeP95AimMs} ms`, ok: app.keystroke.p95Ms < CONFIG.keystrokeP95AimMs },
    {
      kind: 'check',
      what: `memory after ${app.memory.edits} edits (SellerCalc, hello)`,
      value: `${fmt(Math.max(app.memory.jsHeapGrowth, app.memory.wasmMemoryGrowth, hello.memory.jsHeapGrowth, hello.memory.wasmMemoryGrowth), 2)}x`,
      limit: `<= ${CONFIG.memoryGrowthLimit}x after load`,
      ok: app.memory.bounded && hello.memory.bounded,
    },
  ];
}

// ---------------------------------------------------------------- main
async function main() {
  const native = fs.existsSync(CONFIG.nativeJson) ? JSON.parse(fs.readFileSync(CONFIG.nativeJson, 'utf8')) : null;
  if (!native) console.warn(`bench: no native engine result at ${CONFIG.nativeJson}; throughput ratio left out`);
  const browser = await chromium.launch({ executablePath: CONFIG.chromiumPath, args: CHROMIUM_ARGS, headless: true });
  const servers = [];
  const result = { meta: meta(`Chromium ${browser.version()}`) };
  try {
    for (const [key, app] of Object.entries(APPS)) {
      const size = sizeReport(app.dist);
      const server = await startStaticServer({ root: app.dist, port: 0, cache: 'production' });
      servers.push(server);
      result[key] = { label: app.label, dist: app.dist, url: server.url, size };
    }
    process.stdout.write(`bench: ${CONFIG.coldRuns} cold loads (+1 discarded) of each app, interleaved...\n`);
    const loads = await coldLoads(browser, Object.fromEntries(Object.keys(APPS).map((k) => [k, result[k].url])));
    for (const key of Object.keys(APPS)) {
      result[key].load = loads[key];
      process.stdout.write(`bench: keystrokes, memory${APPS[key].engine ? ', throughput' : ''} of ${APPS[key].label}...\n`);
      Object.assign(result[key], await interactive(browser, APPS[key], result[key].url, native));
    }
    result.native = native;
  } finally {
    await browser.close().catch(() => {});
    for (const s of servers) await s.close();
  }
  result.budgets = budgets(result);
  const errors = [...(result.app.load.errors ?? []), ...(result.app.errors ?? []), ...(result.hello.load.errors ?? []), ...(result.hello.errors ?? [])];
  result.pageErrors = [...new Set(errors)];

  fs.mkdirSync(CONFIG.outDir, { recursive: true });
  const stamp = result.meta.date.replace(/[:]/g, '').replace(/\..*$/, 'Z');
  const file = path.join(CONFIG.outDir, `bench-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(CONFIG.outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(table(result));
  console.log('');
  console.log(`bench: wrote ${path.relative(root, file)} and ${path.relative(root, path.join(CONFIG.outDir, 'latest.json'))}`);
  let failed = false;
  if (result.pageErrors.length) {
    console.error(`bench: FAILED: errors in the pages:\n  ${result.pageErrors.join('\n  ')}`);
    failed = true;
  }
  for (const key of ['app', 'hello']) {
    const m = result[key].memory;
    if (!m.bounded) {
      console.error(
        `bench: FAILED: ${result[key].label} memory grew more than ${CONFIG.memoryGrowthLimit}x over ${m.edits} edits: ` +
          `JS heap ${mb(m.afterLoad.jsHeapUsed)} -> ${mb(m.afterEdits.jsHeapUsed)} MB (${m.jsHeapGrowth}x), ` +
          `wasm ${mb(m.afterLoad.wasmMemory)} -> ${mb(m.afterEdits.wasmMemory)} MB (${m.wasmMemoryGrowth}x)`,
      );
      failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`bench: FAILED: ${err.stack ?? err}`);
  process.exit(1);
});

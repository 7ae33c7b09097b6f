// The calculator's start-up tasks in a Chromium trace at 4x CPU slowdown under a phone viewport
// (issue #17, lever 2): what Lighthouse's TBT is made of, measured per task, which is far less
// noisy on a shared machine than the TBT itself. Builds are measured interleaved.
//
//   node bench/trace.mjs <dist> [<dist> ...]     (default: dist)
//
// Environment: TRACE_RUNS (default 5), TRACE_CPU (default 4), TRACE_KEEP=<dir> keeps each trace.
// For every run it prints the main thread's tasks from the first contentful paint on that last
// at least 10 ms (as throttled), with what ran in them, and "TBT≈": the sum over those tasks of
// (duration − 50 ms), Lantern's way (its simulation multiplies unthrottled tasks by 4 and also
// moves them in time; this does neither).
// Then the medians per build: the TBT estimate, the longest task, and the sum of the app's
// tasks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/static-server.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.mjs';

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ['dist'];
const RUNS = Number(process.env.TRACE_RUNS ?? 5);
const CPU = Number(process.env.TRACE_CPU ?? 4);
const KEEP = process.env.TRACE_KEEP;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Lighthouse's own, roughly; TRACE_DETAIL=1 adds V8's compile events (which slow the page).
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'toplevel',
  ...(process.env.TRACE_DETAIL ? ['v8', 'v8.wasm', 'disabled-by-default-v8.compile'] : []),
].join(',');

/** What a task did, from the events nested in it: the heaviest kinds, by their own time. */
function describe(task, events) {
  const inside = events.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task);
  const by = new Map();
  for (const e of inside) {
    let name = e.name;
    if (name === 'RunTask' || name === 'ThreadControllerImpl::RunTask' || name === 'FunctionCall' || name === 'EvaluateScript' || name === 'v8.callFunction') continue;
    if (name === 'TimerFire' || name === 'FireAnimationFrame' || name === 'EventDispatch') continue;
    by.set(name, (by.get(name) ?? 0) + e.dur);
  }
  const kind = inside.find((e) => ['TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseHTML', 'EvaluateScript', 'v8.wasm.compileLazy', 'RunMicrotasks'].includes(e.name));
  const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)
    .map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`);
  // console.timeStamp() labels, if the build has any.
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.ts >= task.ts && e.ts <= task.ts + task.dur)
    .map((e) => e.args?.data?.message).filter(Boolean);
  return `${marks.length ? `[${marks.join(', ')}] ` : ''}${kind?.name ?? '?'}: ${top.join(', ')}`;
}

async function traceOnce(browser, base, label, run) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await page.goto(base);
  // Settled: the app is in, nothing pending, then a second more.
  await page.waitForFunction(() => document.querySelector('[data-testid="pop-monthly-profit"]')
    && !document.getElementById('prerendered')
    && !document.querySelector('[data-pending]'), null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  const buffer = await browser.stopTracing();
  await context.close();
  if (KEEP) {
    fs.mkdirSync(KEEP, { recursive: true });
    fs.writeFileSync(path.join(KEEP, `${label}-${run}.json`), buffer);
  }
  const { traceEvents: events } = JSON.parse(buffer.toString());
  // The renderer's main thread: where the page's first-contentful-paint mark is.
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === fcp?.pid);
  if (!fcp) throw new Error('no firstContentfulPaint in the trace');
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid);
  // Top-level tasks only (Chromium nests RunTask events).
  const all = main.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const e of all) {
    const last = top[top.length - 1];
    if (last && e.ts < last.ts + last.dur) continue;
    top.push(e);
  }
  const tasks = top.filter((e) => e.dur >= 10_000 && e.ts >= fcp.ts);
  const ms = (us) => us / 1000;
  const t0 = nav?.ts ?? fcp.ts;
  const rows = tasks.map((t) => ({
    start: Math.round(ms(t.ts - t0)),
    dur: ms(t.dur),
    what: describe(t, main),
  }));
  // Throttled in the browser, the durations are already the slow phone's.
  const tbt = rows.reduce((s, r) => s + Math.max(0, r.dur - 50), 0);
  return { fcp: ms(fcp.ts - t0), rows, tbt, longest: Math.max(0, ...rows.map((r) => r.dur)), sum: rows.reduce((s, r) => s + r.dur, 0) };
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
const servers = [];
for (const d of dists) servers.push(await startStaticServer({ root: path.resolve(d), host: '127.0.0.1', port: 0, cache: 'production' }));
const results = dists.map(() => []);
console.log(`trace: ${RUNS} runs each at ${CPU}x CPU, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
try {
  for (let run = 1; run <= RUNS; run++) {
    const order = dists.map((_, i) => i);
    if (run % 2 === 0) order.reverse();
    for (const i of order) {
      const r = await traceOnce(browser, servers[i].url, path.basename(path.resolve(dists[i])), run);
      results[i].push(r);
      console.log(`\n${dists[i]} run ${run}: FCP ${r.fcp.toFixed(0)} ms, TBT≈${r.tbt.toFixed(0)} ms, load ${os.loadavg()[0].toFixed(2)}`);
      for (const row of r.rows) console.log(`  @${String(row.start).padStart(5)} ${row.dur.toFixed(1).padStart(6)} ms  ${row.what}`);
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
console.log('\nmedians (observed ms; TBT≈ simulated):');
dists.forEach((d, i) => {
  const rs = results[i];
  console.log(`  ${d}: TBT≈${median(rs.map((r) => r.tbt)).toFixed(0)} (${rs.map((r) => r.tbt.toFixed(0)).join(', ')}), longest ${median(rs.map((r) => r.longest)).toFixed(1)} (${rs.map((r) => r.longest.toFixed(1)).join(', ')}), tasks ≥10 ms summed ${median(rs.map((r) => r.sum)).toFixed(1)}`);
});
console.log(`load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

// Trunk post_build hook step (scripts/post-build.sh), for the calculator's page only, whose first
// screen is prerendered into index.html (issue #17, lever 1): starts the app after the picture's
// first contentful paint instead of from <head>.
//
//   node scripts/defer-start.mjs <dir>     (rewrites <dir>/index.html)
//
// Trunk puts into <head> a `rel=modulepreload` of its JS glue, a `rel=preload as=fetch` of the
// ~360 KB wasm and an inline module script that imports the glue and starts the app. So the
// wasm is fetched (and on a fast link compiled and run) while the prerendered picture is being
// painted: the app then replaces the picture before the browser has reported its paint, and the
// largest contentful paint becomes the app's own render, after the wasm. Lighthouse's mobile
// simulation (Lantern) then puts the whole wasm download over slow 4G on the paint's path.
//
// This replaces those three elements by one inline module script that waits for the first
// contentful paint (a `paint` PerformanceObserver), then adds the same two preload links, with
// the same integrity hashes, and imports the glue: the module map takes the preloaded, checked
// glue, and the wasm request is the one Trunk preloaded. It starts at once when the picture is
// hidden (a visitor whose page is not the default: nothing to wait for), when the page is not
// visible (a background tab paints nothing), when the browser has no paint timing, and at the
// latest after 3 s. Run before scripts/csp.mjs, which hashes the new script.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('defer-start.mjs: usage: node scripts/defer-start.mjs <dir>');
  process.exit(2);
}
const file = path.join(dir, 'index.html');
const fail = (message) => {
  console.error(`defer-start.mjs: ${message}`);
  process.exit(1);
};
let html = fs.readFileSync(file, 'utf8');
if (html.includes('data-start="after-paint"')) {
  console.log(`defer-start.mjs: ${file} already starts after the first paint`);
  process.exit(0);
}

// Trunk's start-up script (its minified output keeps the script's text as Trunk wrote it).
const starts = [...html.matchAll(/<script type=["']?module["']?>(import init, \* as bindings from '([^']+\.js)';[\s\S]*?)<\/script>/g)];
if (starts.length !== 1) fail(`expected one Trunk start-up script in ${file}, found ${starts.length}: has Trunk's output changed?`);
const [startTag, startBody, js] = starts[0];
const wasmMatch = startBody.match(/await init\(\{ module_or_path: '([^']+\.wasm)' \}\);/);
if (!wasmMatch) fail(`no wasm path in Trunk's start-up script: has Trunk's output changed?`);
const wasm = wasmMatch[1];
if (!/dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);/.test(startBody)) {
  fail(`Trunk's start-up script no longer dispatches TrunkApplicationStarted as expected`);
}

// The two preload links, whose attributes (integrity above all) are kept as they are.
const attributes = (tag) => {
  const out = {};
  for (const [, name, , quoted1, quoted2, bare] of tag.matchAll(/\s([a-z-]+)(=("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi)) {
    out[name.toLowerCase()] = quoted1 ?? quoted2 ?? bare ?? '';
  }
  return out;
};
const links = [];
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const a = attributes(tag);
  const isGlue = a.rel === 'modulepreload' && a.href === js;
  const isWasm = a.rel === 'preload' && a.href === wasm;
  if (!isGlue && !isWasm) return tag;
  if (!/^sha384-/.test(a.integrity ?? '')) fail(`no integrity hash on ${tag}`);
  links.push(a);
  return '';
});
if (links.length !== 2) fail(`expected Trunk's modulepreload and wasm preload links, found ${links.length}`);
links.sort((a, b) => (a.rel === 'modulepreload' ? -1 : 1) - (b.rel === 'modulepreload' ? -1 : 1));

const script = `<script type=module data-start="after-paint">
// Starts the app after the prerendered picture's first contentful paint (scripts/defer-start.mjs).
const preload = ${JSON.stringify(links)};
const start = async () => {
  for (const attributes of preload) {
    const link = document.createElement('link');
    for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
    document.head.append(link);
  }
  const bindings = await import(${JSON.stringify(js)});
  const wasm = await bindings.default({ module_or_path: ${JSON.stringify(wasm)} });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
let started = false;
const once = () => {
  if (started) return;
  started = true;
  start();
};
const picture = document.getElementById('prerendered') !== null && document.documentElement.dataset.prerender !== 'hidden';
if (!picture || document.visibilityState !== 'visible' || !window.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
  once();
} else {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    once();
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('visibilitychange', once, { once: true });
  setTimeout(once, 3000);
}
</script>`;
html = html.replace(startTag, script);
fs.writeFileSync(file, html);
console.log(`defer-start.mjs: ${file} starts ${js} after the first contentful paint`);

// First-load bundle sizes of a built app (a Trunk dist/ directory): which files the first
// load fetches, and each one's raw, gzip and brotli size. Deterministic: same bytes in, same
// numbers out. Used by scripts/bench.sh (bench/run.mjs) and tests/e2e/size-budget.test.mjs.
//
//   node bench/sizes.mjs [dist]        prints the table for one directory
//
// "First load" = index.html plus every local file it references (href, src, ES `import`
// and Trunk's `module_or_path`), followed into CSS `url(...)`/`@import` and JS static
// `import`s. Compression: gzip level 9 (node zlib) and brotli quality 11 (node zlib), the
// levels scripts/precompress.mjs writes and a static host would serve.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Budget for the first-load transfer, gzip, all files: 160 KB = 160 × 1024 bytes. */
export const GZIP_BUDGET_BYTES = 160 * 1024;
// What CI enforces today: a ratchet just above the current first load, so the bundle cannot
// grow unnoticed while it is still over the 160 KB budget (issue #7). Lower it as it shrinks;
// when it reaches GZIP_BUDGET_BYTES, the budget itself gates CI.
export const GZIP_CEILING_BYTES = 480 * 1024;
/** Where the issue asks us to aim: 110 KB = 110 × 1024 bytes. */
export const GZIP_AIM_BYTES = 110 * 1024;

export const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
export const brotliSize = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

function localRefs(text, kind) {
  const refs = [];
  const patterns =
    kind === 'html'
      ? [
          // quoted or (minified HTML) unquoted attribute values
          /\b(?:href|src)\s*=\s*(?:"([^"#?]*)[^"]*"|'([^'#?]*)[^']*'|([^\s"'<>`=#?]+))/g,
          /\bimport\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/g,
          /\bimport\(\s*["']([^"']+)["']\s*\)/g,
          /\bmodule_or_path\s*:\s*["']([^"']+)["']/g,
        ]
      : kind === 'css'
        ? [/url\(\s*["']?([^"')#?]+)[^)]*\)/g, /@import\s+["']([^"']+)["']/g]
        : [/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm, /^\s*export\s+[^'"]*?\s+from\s+["']([^"']+)["']/gm];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const ref = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue; // external or data: URLs
      refs.push(ref);
    }
  }
  return refs;
}

/**
 * The files of the first load, index.html first, as paths relative to `dist`.
 * Throws if index.html is missing or references a file that does not exist.
 */
export function firstLoadFiles(dist) {
  const root = path.resolve(dist);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`no index.html in ${root}: build the app first (trunk build --release)`);
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const rel = queue.shift();
    const ext = path.extname(rel).toLowerCase();
    const kind = ext === '.html' ? 'html' : ext === '.css' ? 'css' : ext === '.js' || ext === '.mjs' ? 'js' : null;
    if (!kind) continue;
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const ref of localRefs(text, kind)) {
      const abs = ref.startsWith('/') ? path.join(root, ref) : path.join(root, path.dirname(rel), ref);
      const relRef = path.relative(root, abs);
      if (relRef.startsWith('..')) continue;
      if (seen.has(relRef)) continue;
      // A link to another page (`catalog/`, in the prerendered first screen) is not loaded.
      if (ref.endsWith('/') || (fs.existsSync(abs) && fs.statSync(abs).isDirectory())) continue;
      if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
        throw new Error(`${rel} references ${ref}, which is not in ${root}`);
      }
      seen.add(relRef);
      queue.push(relRef);
    }
  }
  return [...seen];
}

function kindOf(file) {
  const ext = path.extname(file).toLowerCase().slice(1);
  return { htm: 'html', mjs: 'js' }[ext] ?? ext;
}

/**
 * { dir, files: [{ file, kind, raw, gzip, brotli }], total: { raw, gzip, brotli } } for the
 * first load of `dist`.
 */
export function sizeReport(dist) {
  const root = path.resolve(dist);
  const files = firstLoadFiles(root).map((file) => {
    const buf = fs.readFileSync(path.join(root, file));
    return { file, kind: kindOf(file), raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
  });
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { dir: root, files, total };
}

export const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The report as aligned text lines (sizes in KB = 1024 bytes). */
export function formatSizeReport(report, title = report.dir) {
  const lines = [`${title}`];
  lines.push(`  ${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const f of report.files) {
    lines.push(`  ${f.file.padEnd(44)} ${kb(f.raw).padStart(8)} ${kb(f.gzip).padStart(8)} ${kb(f.brotli).padStart(8)}`);
  }
  const t = report.total;
  lines.push(`  ${'total'.padEnd(44)} ${kb(t.raw).padStart(8)} ${kb(t.gzip).padStart(8)} ${kb(t.brotli).padStart(8)}`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? 'dist';
  const report = sizeReport(dir);
  console.log(formatSizeReport(report));
  console.log(
    `  gzip total ${report.total.gzip} B vs budget ${GZIP_BUDGET_BYTES} B (160 KB): ${report.total.gzip <= GZIP_BUDGET_BYTES ? 'within' : 'OVER'}`,
  );
}

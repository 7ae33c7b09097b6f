// Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli quality 11) next to every
// compressible file of a built app, so a static host (or scripts/static-server.mjs)
// can serve them with Content-Encoding instead of compressing on every request.
//
//   node scripts/precompress.mjs [dir]     (default: dist)
//
// Compressible = .html .js .mjs .css .wasm .json .svg .txt .xml .map .webmanifest.
// A variant is only kept when it is smaller than the file. Idempotent: rewrites the
// variants each run. See docs/performance.md for the headers a host should send.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.xml', '.map', '.webmanifest']);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile()) yield p;
  }
}

/** Precompresses every compressible file under `dir`; returns [{ file, raw, gzip, brotli }]. */
export function precompress(dir) {
  const root = path.resolve(dir);
  const out = [];
  for (const file of walk(root)) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
    const data = fs.readFileSync(file);
    const gz = zlib.gzipSync(data, { level: 9 });
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const row = { file: path.relative(root, file), raw: data.length, gzip: null, brotli: null };
    for (const [suffix, buf, key] of [['.gz', gz, 'gzip'], ['.br', br, 'brotli']]) {
      if (buf.length < data.length) {
        fs.writeFileSync(file + suffix, buf);
        row[key] = buf.length;
      } else {
        fs.rmSync(file + suffix, { force: true });
      }
    }
    out.push(row);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`precompress: no index.html in ${path.resolve(dir)}; build first (trunk build --release)`);
    process.exit(1);
  }
  for (const r of precompress(dir)) {
    console.log(`precompress: ${r.file}: ${r.raw} B -> gzip ${r.gzip ?? '-'} B, br ${r.brotli ?? '-'} B`);
  }
}

// A tiny static file server for the built app (dist/), using only node's
// `http` module. Used by scripts/serve.sh and by tests/e2e/helpers.mjs.
//
//   node scripts/static-server.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--cache production]
//
// Serves files with correct MIME types (application/wasm for .wasm, so
// WebAssembly.instantiateStreaming works), answers "/" and any directory with
// its index.html, and never serves anything outside the root directory.
//
// Precompressed files: when `<file>.br` or `<file>.gz` sits next to a requested
// file (scripts/precompress.mjs writes them) and the request's Accept-Encoding
// allows it, that body is sent with Content-Encoding (brotli preferred) and
// `Vary: Accept-Encoding`. Without such files nothing changes.
//
// Caching: by default every response says `Cache-Control: no-store` (what the
// tests want). `--cache production` (option `cache: 'production'`) sends what a
// static host should, see docs/performance.md: hashed files (name-<16 hex>.ext,
// as Trunk writes them) `public, max-age=31536000, immutable`; everything else,
// index.html included, `no-cache` with an ETag, answering If-None-Match with 304.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Trunk's content-hashed output names, e.g. sellercalc-75a497095b4cf757_bg.wasm. */
export const HASHED_FILE = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/i;

/** The Cache-Control a static host should send for `file` (see docs/performance.md). */
export function productionCacheControl(file) {
  return HASHED_FILE.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// Precompressed variants we look for, best first: [suffix, Content-Encoding token].
const ENCODINGS = [
  ['.br', 'br'],
  ['.gz', 'gzip'],
];

function accepts(req, token) {
  const header = String(req.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== token && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Start serving `root`. Resolves to { server, url, port, close() } once listening.
 * port 0 (the default) picks a random free port.
 */
export function startStaticServer({ root, host = '127.0.0.1', port = 0, log = false, cache = 'no-store' } = {}) {
  const base = path.resolve(root);
  if (!fs.existsSync(path.join(base, 'index.html'))) {
    return Promise.reject(new Error(`no index.html in ${base}: build the app first (trunk build --release)`));
  }
  const server = http.createServer((req, res) => {
    const done = (status, headers, body) => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return done(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return done(400, { 'Content-Type': 'text/plain' }, 'bad request\n');
    }
    let file = path.join(base, path.normalize(pathname));
    if (file !== base && !file.startsWith(base + path.sep)) {
      return done(403, { 'Content-Type': 'text/plain' }, 'forbidden\n');
    }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
      }
      fs.stat(file, (err2, fst) => {
        if (err2 || !fst.isFile()) {
          return done(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
        }
        // A precompressed sibling, if there is one and the client takes it.
        let body = file;
        let encoding = null;
        for (const [suffix, token] of ENCODINGS) {
          if (accepts(req, token) && fs.existsSync(file + suffix)) {
            body = file + suffix;
            encoding = token;
            break;
          }
        }
        const hasVariants = ENCODINGS.some(([suffix]) => fs.existsSync(file + suffix));
        const headers = {
          'Content-Type': mimeType(file),
          'Cache-Control': cache === 'production' ? productionCacheControl(file) : 'no-store',
          'X-Content-Type-Options': 'nosniff',
        };
        if (encoding) headers['Content-Encoding'] = encoding;
        if (hasVariants) headers.Vary = 'Accept-Encoding';
        if (cache === 'production') {
          const etag = `W/"${fst.size.toString(16)}-${Math.floor(fst.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
          headers.ETag = etag;
          if (String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag)) {
            return done(304, headers, undefined);
          }
        }
        fs.readFile(body, (err3, data) => {
          if (err3) {
            return done(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
          }
          done(200, { ...headers, 'Content-Length': data.length }, data);
        });
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      const url = `http://${host}:${actual}/`;
      resolve({
        server,
        url,
        port: actual,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

// CLI entry point.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = opt('dir', process.env.DIST_DIR ?? path.join(here, '..', 'dist'));
  const host = opt('host', '127.0.0.1');
  const port = Number(opt('port', process.env.PORT ?? '8080'));
  startStaticServer({ root, host, port, log: args.includes('--log'), cache: opt('cache', 'no-store') })
    .then(({ url }) => {
      console.log(`\n    SellerCalc is at ${url}\n\n(serving ${path.resolve(root)}; Ctrl-C to stop)`);
    })
    .catch((e) => {
      console.error(`static-server: ${e.message}`);
      process.exit(1);
    });
}

// A small static file server for dist/: used by scripts/serve and by the end-to-end tests.
//
//   node scripts/static-server.mjs [DIR] [--port 8080] [--host 127.0.0.1] [--base /sub/path/]
//
// Serves DIR (default dist) under BASE only (default /); anything outside BASE is a 404, which
// is how the end-to-end test proves every URL in the page is relative.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `dir` under `base`; resolves to the listening http.Server. */
export function serve(dir, { port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const root = path.resolve(dir);
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with /: ${base}`);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (`${pathname}/` === base) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!pathname.startsWith(base)) return send(404, `not found (the page is served under ${base})`);
    let file = path.resolve(root, pathname.slice(base.length));
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, 'not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// As a command.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i === -1) return fallback;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const port = Number(opt('--port', process.env.PORT ?? 8080));
  const host = opt('--host', process.env.HOST ?? '127.0.0.1');
  const base = opt('--base', '/');
  const dir = args[0] ?? 'dist';
  await stat(path.join(dir, 'index.html')).catch(() => {
    console.error(`static-server: ${path.join(dir, 'index.html')} is missing; build first (trunk build --release)`);
    process.exit(1);
  });
  try {
    await serve(dir, { port, host, base });
  } catch (e) {
    console.error(`static-server: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  }
  const url = `http://${host}:${port}${base}`;
  console.log(`Serving ${path.resolve(dir)}`);
  console.log(`Open ${url}  (single-file page: ${url}crosscheck.html)`);
  console.log('Press Ctrl+C to stop.');
}

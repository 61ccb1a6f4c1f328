import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A static file server on loopback, for testing the built app as a reader gets it. */
export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A hand-written answer for one path, for files a test makes up (huge, slow, broken). */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves `mounts` (URL prefix -> folder) on 127.0.0.1 at a free port. Extra headers apply to
 * every response, so a test can serve the app under a Content Security Policy; `routes`
 * answer exact paths before any file is looked up.
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  headers: Record<string, string> = {},
  routes: Record<string, Route> = {},
): Promise<StaticServer> {
  // Each file compressed once (the tests load the same few files hundreds of times), and again if it changes.
  const compressed = new Map<string, { source: Buffer; gzip: Buffer }>();
  const gzipped = (file: string, source: Buffer): Buffer => {
    const known = compressed.get(file);
    if (known?.source.equals(source)) return known.gzip;
    const gzip = gzipSync(source);
    compressed.set(file, { source, gzip });
    return gzip;
  };
  const roots = Object.entries(mounts)
    .map(([prefix, folder]) => [prefix, resolve(folder)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      const route = routes[pathname];
      if (route) return route(request, response);
      const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return send(404, 'Not found');
      const [prefix, root] = mount;
      let file = normalize(join(root, pathname.slice(prefix.length)));
      if (!file.startsWith(root)) return send(403, 'Forbidden');
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        // Compressed like any real host would (text only), and revalidated rather than never
        // stored, so that pages can enter the back/forward cache.
        const compress = /gzip/.test(String(request.headers['accept-encoding'])) && !type.startsWith('image/');
        const sent = compress ? gzipped(file, body) : body;
        response.writeHead(200, {
          'content-type': type,
          'cache-control': 'no-cache',
          vary: 'accept-encoding',
          ...(compress ? { 'content-encoding': 'gzip' } : {}),
          ...headers,
        });
        response.end(sent);
      } catch {
        send(404, 'Not found');
      }
    })();
    function send(status: number, text: string): void {
      response.writeHead(status, { 'content-type': 'text/plain', ...headers });
      response.end(text);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

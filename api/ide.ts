// The GraphQL IDE page: GraphiQL 3 served from our own npm packages (no CDN, works offline), with
// queries over HTTP and subscriptions over graphql-ws on the same endpoint, under a strict CSP.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Router, type Request, type Response } from 'express';

/** Options for {@link ideRouter}. */
export interface IdeOptions {
  /** Path (or absolute URL) of the GraphQL endpoint; the page resolves it against its own location. */
  graphqlPath: string;
  /** Page title; defaults to `Trebuchet GraphQL`. */
  title?: string;
  /**
   * Absolute URL path where this router's `/assets` is reachable; defaults to `/ide/assets`.
   * It is fixed rather than taken from the mount point because the same HTML is also served at
   * the GraphQL path, where asset requests (not wanting HTML) never reach this router.
   */
  assetsPath?: string;
  /** Query shown in the editor on a first visit (GraphiQL then remembers the user's tabs). */
  defaultQuery?: string;
}

/** An in-memory, immutable asset; `version` (a content hash) goes in its URL so it can be cached for a year. */
interface Asset {
  body: Buffer;
  contentType: string;
  version: string;
  /** Compressed on first request that accepts gzip: graphiql.min.js is 3.5 MB raw, ~0.7 MB gzipped. */
  gzipped?: Buffer;
}

const DEFAULT_QUERY = `# Welcome to Trebuchet. Press the run button (or Ctrl-Enter) to execute.
query Models {
  models(first: 10) {
    edges {
      node {
        name
        versions(first: 3) {
          edges {
            node {
              version
            }
          }
        }
      }
    }
  }
}
`;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// Only these names are ever served: the route looks names up in a map, so no request path reaches
// the file system. Files are resolved through each package's own entry (package.json when the
// `exports` map hides the UMD builds), never through a hard-coded node_modules path.
const NPM_ASSETS: ReadonlyArray<{ name: string; from: string; file?: string; contentType: string }> = [
  { name: 'react.production.min.js', from: 'react/package.json', file: 'umd/react.production.min.js', contentType: JS },
  { name: 'react-dom.production.min.js', from: 'react-dom/package.json', file: 'umd/react-dom.production.min.js', contentType: JS },
  { name: 'graphql-ws.min.js', from: 'graphql-ws/package.json', file: 'umd/graphql-ws.min.js', contentType: JS },
  { name: 'graphiql.min.js', from: 'graphiql/graphiql.min.js', contentType: JS },
  { name: 'graphiql.min.css', from: 'graphiql/graphiql.min.css', contentType: CSS },
];

// Order matters: GraphiQL's UMD reads window.React and window.ReactDOM when it loads, and the
// bootstrap needs GraphiQL and graphqlWs. `defer` scripts run in document order.
const SCRIPTS = ['react.production.min.js', 'react-dom.production.min.js', 'graphql-ws.min.js', 'graphiql.min.js', 'ide.js'];
const STYLES = ['graphiql.min.css', 'ide.css'];

const IDE_CSS = `html, body, #graphiql { height: 100%; margin: 0; }
body { font-family: system-ui, sans-serif; }
.ide-message { padding: 1rem; }
`;

// Runs in the browser. The config is a JSON data block in the page (data blocks are not scripts,
// so the CSP needs no nonce), which keeps this file identical for every page and cacheable.
const IDE_JS = `'use strict';
(() => {
  const root = document.getElementById('graphiql');
  const config = JSON.parse(document.getElementById('trebuchet-ide-config').textContent);
  if (typeof GraphiQL === 'undefined' || typeof graphqlWs === 'undefined' || typeof ReactDOM === 'undefined') {
    root.textContent = 'The GraphQL IDE failed to load its scripts; check the server log and the browser console.';
    return;
  }
  // Built from the page's own location so the IDE works behind any host, port or TLS terminator.
  const httpUrl = new URL(config.graphqlPath, window.location.href);
  httpUrl.search = '';
  httpUrl.hash = '';
  const wsUrl = new URL(httpUrl.href);
  wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const fetcher = GraphiQL.createFetcher({
    url: httpUrl.href,
    // Apollo's CSRF prevention rejects multipart and simple requests without a preflight header.
    headers: { 'apollo-require-preflight': 'true' },
    wsClient: graphqlWs.createClient({ url: wsUrl.href }),
  });
  const params = new URLSearchParams(window.location.search);
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: config.defaultQuery,
      query: params.get('query') ?? undefined,
      variables: params.get('variables') ?? undefined,
    }),
  );
})();
`;

// GraphiQL (CodeMirror, its popovers) sets inline styles, so styles need 'unsafe-inline'; its
// fonts and icons are data: URIs. Scripts are only our own files. CSP 3 lets 'self' in
// connect-src cover ws:// and wss:// to the same host, which carries the subscriptions.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function makeAsset(body: Buffer, contentType: string): Asset {
  return { body, contentType, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
}

function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const { name, from, file, contentType } of NPM_ASSETS) {
    const resolved = require.resolve(from);
    const filePath = file === undefined ? resolved : path.join(path.dirname(resolved), file);
    let body: Buffer;
    try {
      body = readFileSync(filePath);
    } catch (err) {
      throw new Error(`ide: asset "${name}" not found at ${filePath} (is the npm package installed?)`, { cause: err });
    }
    assets.set(name, makeAsset(body, contentType));
  }
  assets.set('ide.js', makeAsset(Buffer.from(IDE_JS), JS));
  assets.set('ide.css', makeAsset(Buffer.from(IDE_CSS), CSS));
  return assets;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script>` data block: no `</script>` or `<!--` can close or confuse it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function renderHtml(opts: Required<IdeOptions>, assets: Map<string, Asset>): string {
  const url = (name: string) => escapeHtml(`${opts.assetsPath}/${name}?v=${assets.get(name)!.version}`);
  const config = { graphqlPath: opts.graphqlPath, defaultQuery: opts.defaultQuery };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<link rel="icon" href="data:,">
${STYLES.map((name) => `<link rel="stylesheet" href="${url(name)}">`).join('\n')}
<script type="application/json" id="trebuchet-ide-config">${jsonForScript(config)}</script>
${SCRIPTS.map((name) => `<script defer src="${url(name)}"></script>`).join('\n')}
</head>
<body>
<div id="graphiql"><p class="ide-message">Loading the GraphQL IDE…</p></div>
<noscript><p class="ide-message">The GraphQL IDE needs JavaScript.</p></noscript>
</body>
</html>
`;
}

function sendAsset(req: Request, res: Response, asset: Asset): void {
  res.set({
    'Content-Type': asset.contentType,
    'Cache-Control': `public, max-age=${YEAR_SECONDS}, immutable`,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  });
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    asset.gzipped ??= gzipSync(asset.body);
    res.set('Content-Encoding', 'gzip').send(asset.gzipped);
  } else {
    res.send(asset.body);
  }
}

/**
 * Express router serving the IDE: `GET <mountPath>` returns the HTML page and
 * `GET <mountPath>/assets/<file>` the whitelisted npm files (anything else under `/assets` is 404).
 * Mount it at `/ide`, and serve the same router at the GraphQL path for requests where
 * {@link wantsIde} is true; the page always loads its assets from `assetsPath` (`/ide/assets`).
 * Assets are read into memory once, here, and served with a one-year immutable Cache-Control
 * (their URLs carry a content hash).
 */
export function ideRouter(opts: IdeOptions): Router {
  const resolved: Required<IdeOptions> = {
    graphqlPath: opts.graphqlPath,
    title: opts.title ?? 'Trebuchet GraphQL',
    assetsPath: (opts.assetsPath ?? '/ide/assets').replace(/\/+$/, ''),
    defaultQuery: opts.defaultQuery ?? DEFAULT_QUERY,
  };
  if (!resolved.assetsPath.startsWith('/')) {
    throw new Error(`ide: assetsPath must be an absolute URL path, found "${opts.assetsPath}"`);
  }
  const assets = loadAssets();
  const html = renderHtml(resolved, assets);

  const router = Router();
  router.get('/', (_req, res) => {
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The GraphQL path answers HTML or JSON depending on Accept; caches must keep them apart.
      Vary: 'Accept',
    });
    res.send(html);
  });
  router.get('/assets/:file', (req, res, next) => {
    const asset = assets.get(req.params.file);
    if (asset) sendAsset(req, res, asset);
    else next();
  });
  router.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  return router;
}

/**
 * True when a GET (or HEAD) request comes from a browser wanting HTML and carries no `query`
 * parameter, so the GraphQL path can serve the IDE instead of executing a GraphQL-over-HTTP GET.
 * "Wanting HTML" means text/html ranks above the GraphQL JSON media types in `Accept`, which is
 * true for a browser's navigation and false for a wildcard-only or missing `Accept` header.
 */
export function wantsIde(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const queryStart = req.originalUrl.indexOf('?');
  if (queryStart >= 0 && new URLSearchParams(req.originalUrl.slice(queryStart + 1)).has('query')) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

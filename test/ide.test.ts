// The GraphQL IDE page end to end: served assets, the whitelist, and a real headless Chromium
// running GraphiQL offline against a small Apollo Server 5 + graphql-ws 6 endpoint.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { ideRouter, wantsIde } from '../api/ide';
import { launchChromium } from './helpers/browser';

const typeDefs = /* GraphQL */ `
  """Test queries."""
  type Query {
    """A greeting."""
    hello: String!
  }
  """Test subscriptions."""
  type Subscription {
    """Counts down from \`from\` to 0, one event every 20 ms."""
    countdown(from: Int!): Int!
  }
`;

const resolvers = {
  Query: { hello: () => 'world' },
  Subscription: {
    countdown: {
      subscribe: async function* (_: unknown, args: { from: number }) {
        for (let n = args.from; n >= 0; n--) {
          yield { countdown: n };
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
    },
  },
};

// Chromium's Accept header for a page navigation.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let server: http.Server;
let apollo: ApolloServer;
let wsServer: WebSocketServer;
let disposeWs: () => void | Promise<void>;
let base: string;

beforeAll(async () => {
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();

  // The wiring the real server uses: the IDE at /ide, and at /graphql for browser navigations.
  const app = express();
  const ide = ideRouter({ graphqlPath: '/graphql' });
  app.use('/ide', ide);
  app.use('/graphql', (req, res, next) => (wantsIde(req) ? ide(req, res, next) : next()));
  app.use('/graphql', express.json(), expressMiddleware(apollo));

  server = http.createServer(app);
  wsServer = new WebSocketServer({ server, path: '/graphql' });
  const disposable = useServer({ schema }, wsServer);
  disposeWs = () => disposable.dispose();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await disposeWs();
  wsServer.close();
  await apollo.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** `src` and `href` attribute values of the page. */
function linkedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/**
 * GET with a raw, un-normalised path (fetch would resolve `..` segments before sending) and no
 * Accept-Encoding (fetch always asks for gzip).
 */
function rawGet(path: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
      .on('error', reject);
  });
}

describe('IDE page over HTTP', () => {
  it('serves HTML that links only local assets, under a self-only CSP', async () => {
    const res = await fetch(`${base}/ide`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const urls = linkedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) expect(url).toMatch(/^(\/ide\/assets\/[\w.-]+\?v=[0-9a-f]+|data:.*)$/);
    expect(html).toContain('"graphqlPath":"/graphql"');
    expect(html).toContain('models(first: 10)');
  });

  it('serves every linked asset with its content type and a long immutable cache', async () => {
    const html = await (await fetch(`${base}/ide`)).text();
    const assets = linkedUrls(html).filter((url) => url.startsWith('/'));
    const names = assets.map((url) => url.replace(/^\/ide\/assets\/|\?.*$/g, ''));
    expect(names.sort()).toEqual(
      ['graphiql.min.css', 'graphiql.min.js', 'graphql-ws.min.js', 'ide.css', 'ide.js', 'react-dom.production.min.js', 'react.production.min.js'].sort(),
    );
    for (const url of assets) {
      const res = await fetch(`${base}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      const type = url.includes('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    // Clients that do not ask for gzip get the file as is.
    const plain = await rawGet('/ide/assets/graphiql.min.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBeGreaterThan(1_000_000);
  });

  it('answers 404 for unknown assets and path traversal', async () => {
    expect((await fetch(`${base}/ide/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/ide/assets/graphiql.min.js.map`)).status).toBe(404);
    expect((await fetch(`${base}/ide/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/ide/assets/%2e%2e%2f%2e%2e%2fapi%2fide.ts`)).status).toBe(404);
    expect((await rawGet('/ide/assets/../../package.json')).status).toBe(404);
    expect((await rawGet('/ide/assets/react.production.min.js/../../../package.json')).status).toBe(404);
  });

  it('serves the IDE at /graphql only to browser navigations without a query', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('/ide/assets/graphiql.min.js');

    const json = await fetch(`${base}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).not.toContain('text/html');
    const wildcard = await fetch(`${base}/graphql`, { headers: { accept: '*/*' } });
    expect(wildcard.headers.get('content-type')).not.toContain('text/html');

    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ hello }')}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { hello: 'world' } });

    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await post.json()).toEqual({ data: { hello: 'world' } });
  });

  it('wantsIde looks at method, query parameter and Accept', () => {
    const app = express();
    const ask = (method: string, url: string, accept?: string) => {
      const req = Object.assign(Object.create(app.request), {
        method,
        url,
        originalUrl: url,
        headers: accept === undefined ? {} : { accept },
      });
      return wantsIde(req);
    };
    expect(ask('GET', '/graphql', BROWSER_ACCEPT)).toBe(true);
    expect(ask('HEAD', '/graphql', BROWSER_ACCEPT)).toBe(true);
    expect(ask('GET', '/graphql?variables=%7B%7D', BROWSER_ACCEPT)).toBe(true);
    expect(ask('GET', '/graphql?query=%7Bhello%7D', BROWSER_ACCEPT)).toBe(false);
    expect(ask('POST', '/graphql', BROWSER_ACCEPT)).toBe(false);
    expect(ask('GET', '/graphql', 'application/json')).toBe(false);
    expect(ask('GET', '/graphql', 'application/graphql-response+json, text/html;q=0.9')).toBe(false);
    expect(ask('GET', '/graphql', '*/*')).toBe(false);
    expect(ask('GET', '/graphql')).toBe(false);
  });
});

describe('IDE page in Chromium, offline', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders GraphiQL, browses the schema docs and runs a subscription with no outside traffic', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Every request that leaves 127.0.0.1 is aborted and recorded: the page must make none.
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    // CSP violations surface only as console errors (a request the CSP blocks never reaches the
    // route above), so any console error or warning fails the test.
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    const sockets: string[] = [];
    const frames: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws.url());
      ws.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });

    // The browser's own navigation Accept header makes /graphql serve the IDE.
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await expect(page.locator('.graphiql-query-editor').textContent()).resolves.toContain('models(first: 10)');

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    await docs.getByText('hello', { exact: true }).waitFor();
    await expect(docs.textContent()).resolves.toContain('A greeting.');

    // GraphiQL opens a tab with the document from ?query= (served at /ide, where that is allowed).
    const subscription = 'subscription Countdown {\n  countdown(from: 3)\n}\n';
    await page.goto(`${base}/ide?query=${encodeURIComponent(subscription)}`);
    await page.locator('.graphiql-query-editor', { hasText: 'countdown(from: 3)' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: '"countdown": 0' }).waitFor();
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await docs.waitFor();
    await page.screenshot({ path: '/tmp/ide.png' });

    // The result arrived over graphql-ws on the same host and path, one event per count.
    expect(sockets).toEqual([`${base.replace('http:', 'ws:')}/graphql`]);
    const counts = frames
      .map((frame) => JSON.parse(frame) as { type: string; payload?: { data?: { countdown?: number } } })
      .filter((message) => message.type === 'next')
      .map((message) => message.payload?.data?.countdown);
    expect(counts).toEqual([3, 2, 1, 0]);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

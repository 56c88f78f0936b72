// The designers' Storybook as it ships: builds it statically, serves it from a plain file server under a
// sub-path (/designers/sb/, as designers receive it), then opens the manager page and every story of the build
// in headless Chromium and fails on a story that errors, renders nothing or requests a file the server does
// not have (an absolute path that only works at the server root). The dev server and the story tests do not
// catch a production build that drops element definitions.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from './chrome.mjs';

const root = new URL('../storybook-static/', import.meta.url).pathname;
execFileSync('npx', ['storybook', 'build', '--quiet', '-o', root], { stdio: ['ignore', 'ignore', 'inherit'] });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const BASE = '/designers/sb/';
const server = createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!pathname.startsWith(BASE)) return res.writeHead(404).end('not found');
  const path = normalize(`/${pathname.slice(BASE.length)}`).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}${BASE.slice(0, -1)}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
const failures = [];
/** Stories per element and per status the element shows once the story has played. */
const counts = {};
try {
  const page = await browser.newPage();
  const missing = [];
  // Provider icons that do not exist are part of the design (the element shows the initial instead): an image
  // is missing only when nothing loaded from its folder (a path that does not work under the sub-path).
  const imageFolders = new Set();
  const folderOf = (url) => new URL('.', url).pathname;
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith('http://127.0.0.1:')) return;
    if (response.ok() && response.request().resourceType() === 'image') imageFolders.add(folderOf(url));
    // Stories named for a missing file (/no-such-icons, /no-such-clerk.js) ask for it on purpose.
    if (response.status() === 404 && !url.includes('no-such')) missing.push({ url, image: response.request().resourceType() === 'image' });
  });
  const reallyMissing = () => [...new Set(missing.filter((m) => !(m.image && imageFolders.has(folderOf(m.url)))).map((m) => new URL(m.url).pathname))];
  // The manager (sidebar, toolbar) loads under the sub-path too.
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('#storybook-explorer-tree, [data-nodetype]', { timeout: 30_000 }).catch(() => failures.push('manager: the sidebar never appeared'));
  if (reallyMissing().length) failures.push(`manager: missing ${reallyMissing().join(', ')}`);
  for (const story of stories) {
    missing.length = 0;
    imageFolders.clear();
    const errors = [];
    const onError = (error) => errors.push(error.message);
    page.on('pageerror', onError);
    await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForSelector('body.sb-show-main, body.sb-show-errordisplay', { state: 'attached', timeout: 15_000 });
    const rendered = await page.evaluate(() => {
      // The preview's own frame (toolbar globals) is light DOM only; the package's elements all have a shadow root.
      const custom = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.includes('-') && el.localName !== 'story-frame');
      // Every custom element of the story is defined and has rendered into its shadow root.
      return custom.length > 0 && custom.every((el) => customElements.get(el.localName) && (el.shadowRoot?.childNodes.length ?? 0) > 0);
    });
    const shownError = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
    // After the play function: the status the story shows (its element is the one its title names).
    const tag = story.title.split('/').pop();
    const { phase, status } = await page
      .waitForFunction(
        (tag) => {
          const phase = globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return ['finished', 'completed', 'errored', 'aborted'].includes(phase) && { phase, status: document.querySelector(`#storybook-root ${tag}`)?.getAttribute('status') };
        },
        tag,
        { timeout: 20_000, polling: 100 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => ({ phase: 'timed out', status: undefined }));
    if (phase !== 'finished' && phase !== 'completed') errors.push(`play ${phase}`);
    counts[tag] ??= {};
    counts[tag][status ?? 'none'] = (counts[tag][status ?? 'none'] ?? 0) + 1;
    page.off('pageerror', onError);
    if (reallyMissing().length) errors.push(`missing ${reallyMissing().join(', ')}`);
    if (!rendered || shownError || errors.length) failures.push(`${story.id}: ${shownError ? 'error display' : ''} ${rendered ? '' : 'rendered nothing'} ${errors.join(' | ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
const table = storyCountTable(counts);
console.log(table);
// README's Storybook section lists the same table: it must say what the build holds.
const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
const documented = /<!-- story-counts -->\n([\s\S]*?)<!-- \/story-counts -->/.exec(readme)?.[1];
if (documented?.trim() !== table.trim()) failures.push("README's story-counts table differs from the build's (the table above is the build's)");
for (const failure of failures) console.error(`FAIL ${failure}`);

function storyCountTable(counts) {
  const statuses = [...new Set(Object.values(counts).flatMap((byStatus) => Object.keys(byStatus)))].sort();
  const rows = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, byStatus]) => `| \`<${tag}>\` | ${Object.values(byStatus).reduce((a, b) => a + b, 0)} | ${statuses.map((s) => byStatus[s] ?? '–').join(' | ')} |`);
  return [`| element | stories | ${statuses.map((s) => `\`${s}\``).join(' | ')} |`, `|---|---|${statuses.map(() => '---|').join('')}`, ...rows].join('\n') + '\n';
}
console.log(`static Storybook: ${stories.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);

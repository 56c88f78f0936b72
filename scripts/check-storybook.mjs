// The designers' Storybook as it ships: builds it statically, then opens every story of the build in
// headless Chromium and fails on a story that errors or renders nothing (the dev server and the story
// tests do not catch a production build that drops element definitions).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChrome } from './chrome.mjs';

const root = new URL('../storybook-static/', import.meta.url).pathname;
execFileSync('npx', ['storybook', 'build', '--quiet', '-o', root], { stdio: ['ignore', 'ignore', 'inherit'] });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const browser = await chromium.launch({ executablePath: findChrome(), headless: true, args: CHROMIUM_ARGS });
const failures = [];
try {
  const page = await browser.newPage();
  for (const story of stories) {
    const errors = [];
    const onError = (error) => errors.push(error.message);
    page.on('pageerror', onError);
    await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForSelector('body.sb-show-main, body.sb-show-errordisplay', { state: 'attached', timeout: 15_000 });
    const rendered = await page.evaluate(() => {
      const custom = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.includes('-'));
      // Every custom element of the story is defined and has rendered into its shadow root.
      return custom.length > 0 && custom.every((el) => customElements.get(el.localName) && (el.shadowRoot?.childNodes.length ?? 0) > 0);
    });
    const shownError = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
    page.off('pageerror', onError);
    if (!rendered || shownError || errors.length) failures.push(`${story.id}: ${shownError ? 'error display' : ''} ${rendered ? '' : 'rendered nothing'} ${errors.join(' | ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
for (const failure of failures) console.error(`FAIL ${failure}`);
console.log(`static Storybook: ${stories.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);

/**
 * The score report as a browser shows it: rendered in headless Chromium (Debian's `chromium` package),
 * offline, and checked for what a marketer would look at — the accounts listed, the charts' bars and
 * lines, an explanation. Without Chromium on the machine the test says so and skips.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareModels } from '../../../src/cli/score/compare.js';
import { readEventFile } from '../../../src/cli/score/events.js';
import { TOP_ACCOUNTS, renderReport } from '../../../src/cli/score/report/html.js';
import {
  latestEventMs,
  loadScoringModel,
  mapForModel,
  scoreModel,
  type ScoredModel,
} from '../../../src/cli/score/run.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && existsSync(path),
);
if (CHROMIUM === undefined) {
  console.warn(
    'Skipping the HTML report test: Chromium is not installed (Debian: apt-get install -y chromium; or set CHROMIUM_PATH).',
  );
}

const SAMPLE = fileURLToPath(new URL('../../../examples/plg-events.jsonl', import.meta.url));
const SECOND_MODEL = fileURLToPath(new URL('../../../examples/account-model.json', import.meta.url));

describe.skipIf(CHROMIUM === undefined)('the score report in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  let a: ScoredModel;
  let b: ScoredModel;
  const requested: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attio-plg-report-'));
    const lines = await readEventFile(SAMPLE);
    const [modelA, modelB] = [
      await loadScoringModel(undefined, '--config'),
      await loadScoringModel(SECOND_MODEL, '--compare'),
    ];
    const [mappedA, mappedB] = [mapForModel(lines, modelA), mapForModel(lines, modelB)];
    const asOf = latestEventMs(mappedA, mappedB) ?? 0;
    [a, b] = [scoreModel(modelA, mappedA, asOf), scoreModel(modelB, mappedB, asOf)];
    await writeFile(join(dir, 'single.html'), renderReport({ file: 'examples/plg-events.jsonl', a }));
    await writeFile(
      join(dir, 'compare.html'),
      renderReport({
        file: 'examples/plg-events.jsonl',
        a,
        b: { model: b, comparison: compareModels(a.whatIf, b.whatIf) },
      }),
    );
    // Playwright starts it with a fresh profile of its own; the flags keep Chromium from calling home.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(pathToFileURL(join(dir, name)).href);
    return page;
  }

  it('lists the top accounts, best first, each with its explanation', async () => {
    const page = await open('single.html');
    const rows = page.locator('[data-testid="top-accounts"] tbody tr');
    expect(await rows.count()).toBe(Math.min(TOP_ACCOUNTS, a.whatIf.accounts.length));
    const best = a.whatIf.accounts[0]!;
    const first = rows.first();
    expect(await first.locator('strong').innerText()).toBe(best.name);
    expect(await first.locator('td.score').innerText()).toBe(String(best.current.score));
    const explanation = first.locator('.explanation');
    expect(await explanation.isVisible()).toBe(true);
    expect(await explanation.innerText()).toBe(best.current.explanation);
    // The contributors open on a click: the top user's name is then on screen.
    const topUser = best.current.topUsers.users[0]!;
    const contributor = first.locator('details li').first();
    expect(await contributor.isVisible()).toBe(false);
    await first.locator('details summary').click();
    expect(await contributor.isVisible()).toBe(true);
    expect(await contributor.innerText()).toContain(topUser.name ?? topUser.user);
    await page.close();
  });

  it('draws the account score distribution: one bar per band of 10, as tall as its count', async () => {
    const page = await open('single.html');
    const bars = page.locator('[data-testid="account-distribution"] rect.bar');
    expect(await bars.count()).toBe(10);
    const drawn = await bars.evaluateAll((rects) =>
      rects.map((rect) => ({
        value: Number(rect.getAttribute('data-value')),
        height: rect.getBoundingClientRect().height,
      })),
    );
    expect(drawn.reduce((sum, bar) => sum + bar.value, 0)).toBe(a.whatIf.accounts.length);
    const tallest = drawn.reduce((best, bar) => (bar.value > best.value ? bar : best));
    expect(tallest.height).toBeGreaterThan(100);
    for (const bar of drawn) {
      if (bar.value === 0) expect(bar.height).toBe(0);
      else expect(bar.height / tallest.height).toBeCloseTo(bar.value / tallest.value, 1);
    }
    await page.close();
  });

  it('draws accounts qualified and deals opened over time, ending at their counts', async () => {
    const page = await open('single.html');
    const line = page.locator(
      '[data-testid="qualified-over-time"] path.series[data-series="default accounts qualified"]',
    );
    const qualified = a.whatIf.accounts.filter((account) => account.qualification !== undefined).length;
    expect(await line.getAttribute('data-final')).toBe(String(qualified));
    const box = await line.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(box?.height).toBeGreaterThan(50);
    expect(await page.locator('[data-testid="qualified-over-time"] .legend').innerText()).toContain(
      `default deals opened (${a.whatIf.accounts.filter((x) => x.dealAt).length})`,
    );
    await page.close();
  });

  it('shows both models and what B changes', async () => {
    const page = await open('compare.html');
    expect(await page.locator('[data-testid="summary"] tbody tr').count()).toBe(2);
    const bars = page.locator('[data-testid="account-distribution"] rect.bar');
    expect(await bars.count()).toBe(20);
    const comparison = compareModels(a.whatIf, b.whatIf);
    const changed =
      comparison.accounts.newly.length +
      comparison.accounts.noLonger.length +
      comparison.accounts.earlier.length +
      comparison.accounts.later.length;
    const deals =
      comparison.deals.newly.length +
      comparison.deals.noLonger.length +
      comparison.deals.earlier.length +
      comparison.deals.later.length;
    const users = comparison.users.newly.length + comparison.users.noLonger.length;
    expect(await page.locator('[data-testid="changes"] tbody tr[data-change]').count()).toBe(changed + deals + users);
    const newly = comparison.accounts.newly[0];
    if (newly !== undefined) expect(await page.locator('[data-testid="changes"]').innerText()).toContain(newly.name);
    expect(await page.locator('[data-testid="top-accounts"] h2').innerText()).toContain('under model B');
    await page.close();
  });

  it('loads nothing but the report itself', async () => {
    for (const name of ['single.html', 'compare.html']) await (await open(name)).close();
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });
});

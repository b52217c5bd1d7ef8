// The web UI against the real `covalue serve`: a representative casts a ballot, the coordinator
// closes the cycle, the outcome shows the selection, the dashboard draws its charts.
// Run by tests/e2e/run-browser-test.sh, which prepares the database and the tokens.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const require = createRequire(join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests/e2e/run-browser-test.sh`);
  return value;
};
const bin = env('COVALUE_BIN');
const db = env('COVALUE_DB');
const dist = env('WEB_DIST');
const coordinatorToken = env('COORDINATOR_TOKEN');
const representativeToken = env('REPRESENTATIVE_TOKEN');
const representativePartner = process.env.REPRESENTATIVE_PARTNER ?? 'UrbanMart';
const artifacts = process.env.E2E_ARTIFACTS ?? join(root, 'test-artifacts', 'e2e');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server; // the covalue serve child process
let baseUrl;
let serverLog = '';
let context;
let userDataDir;
let page;
const pageErrors = [];
const policyViolations = []; // Content-Security-Policy refusals Chromium reports on the console

/** Starts `covalue serve` on port 0 and resolves to the URL it prints. */
function startServer() {
  return new Promise((resolveUrl, reject) => {
    const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    const timer = setTimeout(() => reject(new Error(`covalue serve printed no listening line in 30 s:\n${serverLog}`)), 30_000);
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      serverLog += chunk;
      buffered += chunk;
      const match = buffered.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => (serverLog += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`covalue serve exited with ${code}:\n${serverLog}`));
    });
  });
}

/** Stops the server by its pid: SIGTERM, then SIGKILL after 5 s. */
async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(server.pid, 'SIGTERM');
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), 5_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    process.kill(server.pid, 'SIGKILL');
    await exited;
  }
}

const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

async function signIn(token) {
  await page.goto(`${baseUrl}/signin`);
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('.sidebar nav', { timeout: 15_000 });
}

async function signOut() {
  await page.click('button.signout');
  await page.waitForSelector('#token');
}

/** Counts painted pixels in a canvas (0 for a blank one). */
const paintedPixels = (selector) =>
  page.$eval(selector, (canvas) => {
    const { width, height } = canvas;
    if (!width || !height) return 0;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  baseUrl = await startServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'covalue-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Nothing but the server under test: any other request fails the page load loudly.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  page.on('dialog', (dialog) => dialog.accept());
});

after(async () => {
  await context?.close().catch(() => {});
  await stopServer();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('the sign-in page shows the API error of a bad token', async () => {
  const response = await page.goto(`${baseUrl}/`);
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'.*frame-ancestors 'none'/, 'the page is served under its Content-Security-Policy');
  await page.fill('#token', 'cvt_not-a-real-token');
  await page.click('button[type=submit]');
  const error = page.locator('.error-box');
  await error.waitFor();
  assert.match(await error.innerText(), /unauthenticated|token/i);
  await shot('01-signin-error');
});

test('a representative casts a ballot with an objection', async () => {
  await signIn(representativeToken);
  assert.match(await page.locator('.who-partner').innerText(), new RegExp(representativePartner));
  await page.click('nav a[href="/ballot"]');
  await page.waitForSelector('.ballot-table tbody tr');
  const candidates = page.locator('.ballot-table tbody tr');
  const count = await candidates.count();
  assert.ok(count >= 3, `expected at least 3 candidates, got ${count}`);

  // Approve the first two candidates, object to the last one.
  const rows = await candidates.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.candidate)));
  await page.check(`input[name="approve-${rows[0]}"]`);
  await page.check(`input[name="approve-${rows[1]}"]`);
  const objected = rows[rows.length - 1];
  await page.check(`input[name="object-${objected}"]`);
  // Without a reason the objection is refused before it reaches the server.
  await page.click('button:has-text("Cast ballot")');
  await page.locator('.error-box').waitFor();
  assert.match(await page.locator('.error-box').innerText(), /why you object/i);
  await page.fill(`input[name="reason-${objected}"]`, 'Moves our returns volume to a competitor hub');
  await page.click('button:has-text("Cast ballot")');
  await page.locator('.saved').waitFor();

  // The current ballot, as the server now has it.
  const current = page.locator('[data-testid=current-ballot]');
  await current.waitFor();
  const text = await current.innerText();
  assert.match(text, /Approval/);
  assert.match(text, /2 initiatives/);
  assert.match(text, /competitor hub/);
  await shot('02-ballot-cast');

  // A ranking with a tie re-casts the ballot.
  await page.click('.segmented button:has-text("Rank")');
  for (const id of rows.slice(0, 3)) {
    await page.click(`tr[data-candidate="${id}"] button:has-text("Add to ranking")`);
  }
  await page.check(`tr[data-candidate="${rows[2]}"] .tie input`);
  assert.equal(await page.locator(`[data-testid="rank-${rows[2]}"]`).innerText(), '2');
  await page.click('button:has-text("Re-cast ballot")');
  await page.locator('.saved').waitFor();
  await page.waitForFunction(() => /Ranking/.test(document.querySelector('[data-testid=current-ballot]')?.textContent ?? ''));
  await shot('03-ballot-ranking');
});

test('a representative proposes an initiative; the API error is shown first', async () => {
  await page.click('nav a[href="/initiatives"]');
  await page.click('a:has-text("Propose an initiative")');
  await page.fill('#title', 'Returns data exchange');
  await page.fill('#description', 'Share return reasons with the manufacturers every week');
  await page.selectOption('#channel', 'consumer_experience');
  await page.fill('#cost', '999');
  await page.fill(`input[aria-label="Impact on ${representativePartner}"]`, '5/2');
  await page.fill('input[aria-label="Impact on Maison Retail"]', '2');
  await page.fill('input[aria-label="Impact on SwiftParcel"]', '-0.5');
  await page.check('input[name=volunteer]');
  await page.click('button:has-text("Propose initiative")');
  const error = page.locator('.error-box');
  await error.waitFor();
  assert.match(await error.innerText(), /cost|capacity/i, 'the server refuses a cost above the capacity');
  await shot('04-propose-error');
  await page.fill('#cost', '7');
  await page.click('button:has-text("Propose initiative")');
  await page.waitForSelector('table.impacts tbody tr');
  assert.match(await page.locator('.page-header h1').innerText(), /Returns data exchange/);
  assert.equal(await page.locator('table.impacts tbody tr').count(), 3);
  await signOut();
});

test('the coordinator closes the cycle and the outcome shows the selection', async () => {
  await signIn(coordinatorToken);
  await page.click('nav a[href="/cycles"]');
  await page.waitForSelector('tr[data-cycle]');
  const latest = await page.locator('tr[data-cycle]').first().getAttribute('data-cycle');
  await page.click(`tr[data-cycle="${latest}"] a.strong`);
  await page.waitForSelector('[data-action=close-cycle]');
  await shot('05-cycle-voting');
  await page.click('[data-action=close-cycle]');
  await page.waitForSelector('#selection tr[data-decision]', { timeout: 60_000 });
  const decisions = await page.locator('#selection tr[data-decision]').count();
  const selected = await page.locator('#selection tr.selected-row').count();
  assert.ok(decisions >= 3, `expected the decisions on every candidate, got ${decisions}`);
  assert.ok(selected >= 1, 'expected at least one selected initiative');
  const why = await page.locator('#selection td.explanation').first().innerText();
  assert.ok(why.trim().length > 0, 'every decision is explained');
  assert.match(await page.locator('.page-header .badge').first().innerText(), /Closed/i);
  await page.locator('[data-testid=chart-cycle-net] canvas').waitFor();
  await shot('06-outcome');
});

test('the dashboard draws its charts', async () => {
  await page.click('nav a[href="/"]');
  const charts = ['chart-value', 'chart-partners', 'chart-fairness', 'chart-participation'];
  for (const id of charts) await page.locator(`[data-testid=${id}] canvas`).waitFor();
  await page.waitForTimeout(300);
  for (const id of charts) {
    const painted = await paintedPixels(`[data-testid=${id}] canvas`);
    assert.ok(painted > 2000, `${id} looks empty (${painted} painted pixels)`);
  }
  const kpis = await page.locator('.kpi').allInnerTexts();
  assert.equal(kpis.length, 4);
  assert.match(kpis.join(' '), /Cycles\s*9/i);
  await shot('07-dashboard');
});

test('the initiative board and a partner page render', async () => {
  await page.click('nav a[href="/initiatives"]');
  await page.waitForSelector('section.group[data-status] tbody tr');
  assert.ok((await page.locator('section.group[data-status="selected"] tbody tr').count()) >= 1, 'the board shows the newly selected initiatives');
  await shot('08-initiatives');
  await page.locator('section.group tbody tr a.strong').first().click();
  await page.waitForSelector('table.impacts tbody tr');
  await shot('09-initiative');
  await page.click('nav a[href="/partners"]');
  await page.waitForSelector('tr[data-partner]');
  await page.locator('tr[data-partner] a').first().click();
  await page.locator('[data-testid=chart-partner] canvas').waitFor();
  await shot('10-partner');
});

test('no script error and no Content-Security-Policy violation on any page', () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(policyViolations, []);
});

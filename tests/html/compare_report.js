// The comparison page of `uprx compare --format html` in a real browser (headless Chromium
// driven by puppeteer-core): Slovenia's third and fourth reviews compared, and what a committee
// reads checked against the JSON comparison of the same two files, never against the page.
//
// Usage: node compare_report.js UPRX OLD.json NEW.json WORK_DIR ARTIFACT_DIR
// Environment: CHROMIUM (default /usr/bin/chromium). Prints one line per check; exit 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const puppeteer = require('puppeteer-core');

const [uprx, oldJson, newJson, work, artifacts] = process.argv.slice(2);
if (!artifacts) {
  console.error('usage: node compare_report.js UPRX OLD.json NEW.json WORK_DIR ARTIFACT_DIR');
  process.exit(2);
}
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
let failures = 0;

function check(ok, message) {
  console.log((ok ? 'ok   ' : 'FAIL ') + message);
  if (!ok) ++failures;
  return ok;
}

const texts = (file) => {
  const out = new Map();
  for (const review of JSON.parse(fs.readFileSync(file, 'utf8')).reviews) {
    for (const r of review.recommendations) out.set(r.id, r.text);
  }
  return out;
};

(async () => {
  const html = path.join(work, 'compare.html');
  const json = path.join(work, 'compare.json');
  execFileSync(uprx, ['compare', oldJson, newJson, '--format', 'html', '-o', html]);
  execFileSync(uprx, ['compare', oldJson, newJson, '-o', json]);
  const cmp = JSON.parse(fs.readFileSync(json, 'utf8'));
  const oldText = texts(oldJson), newText = texts(newJson);

  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) errors.push('fetched ' + r.url()); });
  await page.setViewport({ width: 1280, height: 1600 });
  await page.goto('file://' + html, { waitUntil: 'load' });
  check(errors.length === 0, `no script error, console error or download (${errors.join('; ')})`);

  // The answer first: the old review's count and how many were made again, as the JSON says.
  const s = cmp.summary;
  const first = await page.$eval('body > p', (p) => p.textContent);
  check(first.includes(`${s.old_recommendations} recommendations, ${s.raised_again} were made again`) &&
        first.includes(`${s.dropped} were`),
        `the page opens with the answer: "${first.slice(0, 90)}..."`);

  // Every text of every chart lies inside its chart: no label or value cut by an edge.
  const clipped = await page.$$eval('svg.uprx-chart', (svgs) => {
    const out = [];
    for (const svg of svgs) {
      const width = svg.width.baseVal.value, height = svg.height.baseVal.value;
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBBox();
        if (b.x < 0 || b.y < 0 || b.x + b.width > width + 0.5 || b.y + b.height > height + 0.5)
          out.push(t.textContent);
      }
    }
    return { charts: svgs.length, clipped: out };
  });
  check(clipped.charts === 1, `one chart of the biggest shifts (${clipped.charts})`);
  check(clipped.clipped.length === 0, `no chart text cut by the chart's edge (${clipped.clipped.join(' | ')})`);
  const labels = await page.$$eval('svg.uprx-chart text.label', (ts) => ts.length);
  check(labels > 0, `the chart's rows are labelled (${labels} label lines)`);

  // Position changes: a header row, one row per change, each id beside its own text.
  const changes = await page.evaluate(() => {
    const h = [...document.querySelectorAll('h2')].find((e) => e.textContent.startsWith('Position changes'));
    const table = h && h.nextElementSibling;
    if (!table || table.tagName !== 'TABLE') return null;
    const rows = [...table.querySelectorAll('tr')];
    return { header: [...rows[0].querySelectorAll('th')].map((c) => c.textContent),
             rows: rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)) };
  });
  if (check(changes !== null, 'the position changes are a table under their heading')) {
    check(changes.header.join('|') === 'change|old recommendation|old text|new recommendation|new text',
          `its header names the columns (${changes.header.join(', ')})`);
    check(changes.rows.length === cmp.position_changes.length,
          `one row per change in the JSON (${changes.rows.length} of ${cmp.position_changes.length})`);
    const wrong = changes.rows.filter((r) => oldText.get(r[1]) !== r[2] || newText.get(r[3]) !== r[4]);
    check(changes.rows.length > 0 && wrong.length === 0,
          `every old and new id stands beside its own text (${wrong.map((r) => r[1]).join(', ')})`);
  }

  // Headings are words, not the JSON's keys.
  const headings = await page.$$eval('h2, h3', (hs) => hs.map((h) => h.textContent));
  const keys = new Set(['action', 'ministries', 'recommending_states', 'regional_groups', 'themes', 'terms']);
  const raw = headings.filter((h) => h.includes('_') || keys.has(h.trim()));
  check(raw.length === 0, `no heading is a raw key (${raw.join(', ')})`);

  // Recommending States by name: no row of that breakdown is a bare ISO code.
  const states = await page.evaluate(() => {
    const h = [...document.querySelectorAll('h3')].find((e) => e.textContent === 'Recommending States');
    const table = h && h.nextElementSibling;
    return table ? [...table.querySelectorAll('tr')].slice(1).map((r) => r.cells[0].textContent) : [];
  });
  const codes = states.filter((n) => /^[A-Z]{3}$/.test(n));
  check(states.length > 0 && codes.length === 0,
        `${states.length} recommending States named, none as an ISO code (${codes.slice(0, 5).join(', ')})`);

  // Each "not raised again" item shows its closest new recommendation and score.
  const withClosest = cmp.not_raised_again.filter((d) => d.closest_new).length;
  const shown = await page.$$eval('p.old', (ps) => ps.filter((p) => p.textContent.startsWith('closest new:')).length);
  check(cmp.not_raised_again.length === s.dropped && shown === withClosest && shown > 0,
        `${shown} of ${s.dropped} not raised again show their closest new recommendation and score`);

  fs.mkdirSync(artifacts, { recursive: true });
  const shot = path.join(artifacts, 'compare-SVN-c3-c4.png');
  await page.screenshot({ path: shot });
  check(fs.statSync(shot).size > 0, `screenshot ${shot}`);
  await browser.close();
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });

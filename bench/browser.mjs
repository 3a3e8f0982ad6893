// Chromium benchmark: time from navigation start to the field being guarded, and the time spent in the field's
// input handlers per keystroke while typing a code. Medians over runs; used by bench/report.mjs.
import { fileURLToPath } from 'node:url';
import { open } from '../tests/e2e/harness.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export async function run({ loads = 15, codes = 40 } = {}) {
  const env = await open();
  try {
    const version = env.version;
    const guarded = [];
    for (let i = 0; i < loads; i++) {
      const page = await env.newPage();
      await page.goto(env.base + '/');
      await page.waitForSelector('form[data-ready="true"]');
      // The demo marks the form ready right after init(); read when that happened relative to navigation start.
      guarded.push(await page.evaluate(() => new Promise((resolve) => {
        const t = performance.getEntriesByName('pccc-guarded')[0];
        resolve(t ? t.startTime : performance.now());
      })));
      await page.close();
    }
    const page = await env.newPage();
    await page.goto(env.base + '/');
    await page.waitForSelector('form[data-ready="true"]');
    // Time between a capturing listener on window (runs first) and a bubbling one (runs last): everything the
    // page does for that input event, the guard's handler included.
    await page.evaluate(() => {
      window.__keyCosts = [];
      let t0 = 0;
      window.addEventListener('input', () => { t0 = performance.now(); }, true);
      window.addEventListener('input', () => { window.__keyCosts.push(performance.now() - t0); }, false);
    });
    for (let i = 0; i < codes; i++) {
      await page.fill('#pccc', '');
      await page.click('#pccc');
      await page.keyboard.type(i % 2 ? 'p1234 5678 9012' : 'P123456789012');
    }
    const costs = await page.evaluate(() => window.__keyCosts);
    return {
      version,
      runs: loads,
      guardedMs: median(guarded),
      keystrokes: costs.length,
      keyMedianMs: median(costs),
      keyP99Ms: percentile(costs, 99),
    };
  } finally {
    await env.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}

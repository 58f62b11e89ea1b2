// Runs inside headless Chromium (bundled by locator-bench.mjs): times <rights-station-locator> with 5,000
// stations. Exposes `window.locatorBench.run()`.
import '@rights-kit/elements/station-locator.js';
import { generateStations } from './locator-stations.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** How long one wait may take before the run fails with a message (set by the bench from its load budget). */
let waitLimit = 30_000;

/**
 * Resolves with the time at which `check()` first holds after a DOM mutation under `root`; rejects with `what`
 * after `waitLimit` ms, so a locator that never renders fails the bench with a message instead of hanging it.
 */
function whenMutated(root, check, what = 'the locator to render a station') {
  return new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`waited ${waitLimit} ms for ${what}`));
    }, waitLimit);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

async function firstRender(stations) {
  const el = document.createElement('rights-station-locator');
  el.locale = 'en';
  const t0 = performance.now();
  el.stations = stations;
  document.body.append(el);
  const rendered = await whenMutated(el.shadowRoot, () => el.shadowRoot.querySelector('[part~="station"]') !== null);
  const painted = await frame();
  const rows = el.shadowRoot.querySelectorAll('[part~="station"]').length;
  el.remove();
  return { dom: rendered - t0, frame: painted - t0, rows };
}

async function keystrokes(stations, queries) {
  const el = document.createElement('rights-station-locator');
  el.locale = 'en';
  el.stations = stations;
  document.body.append(el);
  await whenMutated(el.shadowRoot, () => el.shadowRoot.querySelector('[part~="station"]') !== null);
  // A person reads the page before typing: give the idle-time index warm-up its chance, as in real use.
  for (let i = 0; i < 60 && !el.index.warm(0); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const input = el.shadowRoot.querySelector('#q');
  const samples = [];
  for (const q of queries) {
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const shown = () => {
      const row = el.shadowRoot.querySelector('[part~="station"]');
      return row ? `${row.querySelector('.name-button').textContent.trim()}|${row.getAttribute('aria-setsize')}` : 'none';
    };
    const previous = shown();
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Updated = the first rendered row is the new first result and carries the new count. Consecutive
    // queries are chosen so that one of the two changes; a sample that never updates counts as a miss.
    const expected = () => {
      const first = el.results[0];
      return first ? `${first.station.name.en}|${el.results.length}` : 'none';
    };
    // A sample that never updates counts as a miss (Infinity), not as a failed run.
    const done = await whenMutated(el.shadowRoot, () => shown() !== previous && shown() === expected(), `the list for "${q}"`).catch(
      () => Number.POSITIVE_INFINITY,
    );
    const painted = await frame();
    samples.push({ q, count: el.results.length, dom: done - t0, frame: painted - t0 });
  }
  el.remove();
  return samples;
}

window.locatorBench = {
  /** `limit`: the longest one wait may take, in ms (the bench scales it with the machine's load). */
  async run(limit = waitLimit) {
    waitLimit = limit;
    const stations = generateStations(5000);
    await firstRender(stations.slice(0, 200)); // warm-up: code paths compiled, fonts loaded
    const renders = [];
    for (let i = 0; i < 11; i++) renders.push(await firstRender(generateStations(5000, i + 1)));
    const queries = ['Xigu', 'Anning', 'No. 12', 'Honggu', 'Yuzhong', '城关', 'legal', 'No. 3', 'Dong', 'Heping', 'Jiuzhou', 'Qilihe', 'No. 7', 'Centre'];
    const keys = await keystrokes(stations, queries);
    return {
      firstRender: { medianDom: median(renders.map((r) => r.dom)), medianFrame: median(renders.map((r) => r.frame)), rows: renders[0].rows, samples: renders.length },
      keystroke: { medianDom: median(keys.map((k) => k.dom)), medianFrame: median(keys.map((k) => k.frame)), samples: keys },
    };
  },
};

// The first view drawn at build time, as the prerender specs read it: what it shows, where its
// parts are, and the layout shifts of the page. Used by prerender.spec.mjs and
// prerender-fallback.spec.mjs.

import { expect, openFirstView, waitForState } from './fixtures.mjs';
import { runAxe } from './data.mjs';

/** A metric's values as the cards show them in Russian, for the parks that have one. */
export const typesetValues = {
  area_m2: ['86\u00a0000\u00a0м²', '16\u00a0949\u00a0м²'],
  investment_rub: ['726,2\u00a0млн\u00a0₽', '97\u00a0млн\u00a0₽'],
};

/** Sums layout shifts (as CLS does) from the start of the page: an init script. */
export const recordShifts = () => {
  window.__shifts = 0;
  // What moved, for the failure message: each shift's time, value and the elements it moved.
  window.__shiftLog = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts += entry.value;
      const moved = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name = node ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className?.baseVal ?? (typeof node.className === 'string' && node.className ? `.${node.className.split(' ').join('.')}` : '')}` : '?';
        const [from, to] = [source.previousRect, source.currentRect];
        return `${name} ${Math.round(from.y)}→${Math.round(to.y)} h${Math.round(from.height)}→${Math.round(to.height)}`;
      });
      window.__shiftLog.push(`${Math.round(entry.startTime)} ms ${entry.value.toFixed(4)}: ${moved.join(', ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Expects the page's layout shift so far (recordShifts) to be under 0.001. */
export async function expectNoShift(page) {
  const [shifts, log] = await page.evaluate(() => [window.__shifts, window.__shiftLog.join('; ')]);
  expect(shifts, `layout shift: ${log}`).toBeLessThan(0.001);
}

/** The texts of the value figures shown (not those of the metrics not chosen) inside `root`. */
export const shownValues = (page, root) =>
  page.$$eval(`${root} .value`, (els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent));

/** The `aria-label` of the chart shown inside `root`. */
export const shownChartLabel = (page, root) =>
  page.$$eval(`${root} .chart-figure .chart[role="img"]`, (els) => els.find((el) => el.checkVisibility())?.getAttribute('aria-label'));

/** Boxes of what both the prerender and the app draw, inside `root`, rounded to 0.1 px. */
export const boxes = (page, root) =>
  page.evaluate((root) => {
    const scope = document.querySelector(root);
    const shown = [...scope.querySelectorAll('.chart-figure .chart svg')].find((svg) => svg.getBoundingClientRect().width > 0);
    // The first of those shown (the prerender holds every metric's, the chosen one shown).
    const box = (selector) => {
      const el = [...scope.querySelectorAll(selector)].find((e) => e.checkVisibility());
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    };
    const chart = shown?.getBoundingClientRect();
    return {
      h1: box('h1'),
      actions: box('.header-actions'),
      select: box('.control select'),
      toolbar: box('.chart-toolbar'),
      chartWrap: box('.chart-wrap'),
      chartHeight: chart && Math.round(chart.height * 10) / 10,
      chartWidth: chart && Math.round(chart.width * 10) / 10,
      headline: box('.headline'),
      cards: box('.value-cards'),
      // The timeline, drawn by the same component in both (its filters waiting in the first).
      timelineTitle: box('.timeline-panel h2'),
      filters: box('.timeline-panel .filters-fold'),
      firstEvent: box('.timeline-panel li.event'),
      // Below them: the lifecycle chart's section (drawn per range of widths before the app)
      // and the sources, which must not move when the app takes over.
      lifecycle: box('.lifecycle'),
      sources: box('.sources h2'),
    };
  }, root);

/**
 * Lays out once each part of `root` that is laid out only near the viewport (`content-visibility:
 * auto`; the first view's timeline, lifecycle chart and sources), as a reader scrolling past it
 * does: each then keeps its laid-out size (`contain-intrinsic-size: auto`) where it was an
 * estimate. Returns how many parts there were.
 */
export const layOutLazyParts = (page, root) =>
  page.evaluate(async (root) => {
    const parts = [...document.querySelectorAll(`${root} *`)].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // Set through the CSSOM, which a strict style-src allows.
    for (const el of parts) el.style.contentVisibility = 'visible';
    await frame();
    await frame();
    for (const el of parts) el.style.removeProperty('content-visibility');
    await frame();
    return parts.length;
  }, root);

/** Expects each of `keys` to have the same box (within 0.5 px) in `before` and `after`. */
export function expectSameBoxes(before, after, keys) {
  for (const key of keys) {
    expect(before[key] && after[key], `${key} is in both`).toBeTruthy();
    const moved = before[key].some((v, i) => Math.abs(v - after[key][i]) > 0.5);
    expect(moved, `${key} moved or resized: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`).toBe(false);
  }
}

/** Lets the WASM in and waits until the app has taken the first view's place (and redrawn). */
export async function appTakesOver(page, wasmGate) {
  wasmGate.release();
  await waitForState(page);
  // The app's chart is redrawn at the measured width a frame after it mounts.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.locator('#prerender'), 'the prerender has given way').toHaveCount(0);
}

/** Expects axe-core to find no WCAG A/AA violation in the page as it is. */
export async function expectAxeClean(page, what) {
  const { violations } = await runAxe(page);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${what}`).toEqual([]);
}

/** Opens `path` with layout shifts recorded and the WASM held back; waits for the first view. */
export async function openHeld(page, wasmGate, path = '/') {
  await page.addInitScript(recordShifts);
  await openFirstView(page, wasmGate, path);
}

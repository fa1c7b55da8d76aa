// Interactions on a page that is up (ours and the peer): a metric change, a level filter and
// a language switch, each timed from the DOM event to the next painted frame, at CPU ×1 and
// ×4; and, for the scale run, scrolling the timeline (or the page) while counting frames.

import { interactInPage } from './in-page.mjs';
import { FIRST_CHART_LIMIT_MS, frames, THROTTLED, VIEWPORT } from './load.mjs';
import { median, p90, round } from '../statistics.mjs';

/** The CPU slowdowns the interactions and the scrolling run at. */
const RATES = [1, THROTTLED.cpuSlowdown];

/**
 * Two frames, so one measurement does not carry into the next, then idle until Chromium's frame
 * clock has stopped, as on a page the reader is reading: an interaction's frame then begins
 * when it asks for one. 30 ms after a frame the clock still ticks, and an interaction started
 * there waited for its next tick, up to a frame interval that measured the clock, not the page
 * (metric change at CPU ×1: 21.3 ms against 13.8 from idle, the same build). A display adds
 * the wait for its next refresh, 0–16.7 ms at 60 Hz; the figures leave it out.
 */
const SETTLE_IDLE_MS = 100;
const settle = (tab) => frames(tab, 2, SETTLE_IDLE_MS);

/**
 * The interactions of a dataset: name → (i) => [kind, arg] for the i-th round, alternating
 * (the first and the last metric; federal events and all; the other language and back; the
 * first event and the second, on pages that list events to select).
 */
function interactionCases(data, langNow, selects) {
  const metrics = data.metrics.map((m) => m.id);
  const pair = [metrics[0], metrics.at(-1) === metrics[0] ? metrics[1] : metrics.at(-1)];
  const total = data.events.length;
  const federal = data.events.filter((e) => e.level === 'federal').length;
  const langs = langNow === 'en' ? ['ru', 'en'] : ['en', 'ru'];
  const levels = [{ level: 'federal', count: federal }, { level: '', count: total }];
  return {
    'metric change (metric-select)': (i) => ['metric', pair[(i + 1) % 2]],
    'level filter (filter-level)': (i) => ['filter', levels[i % 2]],
    'language switch (lang-toggle)': (i) => ['lang', langs[i % 2]],
    ...(selects && data.events.length >= 2
      ? { 'event selection (event-select)': (i) => ['event', data.events[i % 2].id] }
      : {}),
  };
}

/** A fresh tab of `page` once it is interactive, at CPU ×`rate`. */
async function openReady(browser, page, server, rate) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  await tab.goto(`${server.url}/`);
  await tab.waitForFunction((selectors) => selectors.every((s) => document.querySelector(s) !== null), page.interactive, {
    timeout: FIRST_CHART_LIMIT_MS,
  });
  await tab.waitForTimeout(300);
  await frames(tab);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, tab };
}

/**
 * Each interaction of `page` (those whose name `only` matches, when given) `runs` times after
 * two unmeasured rounds, in a fresh tab per CPU rate; one that fails goes to notMeasured with
 * what it had. Returns the report's `interactions` rows.
 */
export async function measureInteractions(browser, page, server, data, runs, { notMeasured, log, only = null }) {
  const results = [];
  const cfg = { chart: page.chart, lifecycle: page.lifecycle };
  for (const rate of RATES) {
    const { context, tab } = await openReady(browser, page, server, rate);
    try {
      const lang = await tab.evaluate(() => document.documentElement.lang);
      const cases = Object.entries(interactionCases(data, lang, page.selects)).filter(([interaction]) => !only || only.test(interaction));
      for (const [interaction, step] of cases) {
        log(`  ${page.name}: ${interaction}, CPU ×${rate}`);
        const samples = [];
        try {
          // Two unmeasured rounds first: the first run of a path pays for compiling it.
          for (let i = -2; i < runs; i += 1) {
            await settle(tab);
            const ms = await tab.evaluate(interactInPage, [...step(i < 0 ? i + 2 : i), cfg]);
            if (i >= 0) samples.push(ms);
          }
        } catch (error) {
          notMeasured.push({ what: `${page.name}: ${interaction} ×${rate}`, why: error.message.split('\n')[0] });
          // The page may be left half-way; the next interaction starts from what it shows.
        }
        results.push({
          page: page.name,
          interaction,
          cpuThrottling: rate,
          runs: samples.length,
          medianMs: round(median(samples), 2),
          p90Ms: round(p90(samples), 2),
          samplesMs: samples.map((x) => round(x)),
        });
      }
    } finally {
      await context.close();
    }
  }
  return results;
}

/** In the page: what to scroll (the timeline when it is a scroll box, else the page) and how far. */
function scrollTarget() {
  const timeline = document.querySelector('section#timeline');
  const scrolls = timeline && ['auto', 'scroll'].includes(getComputedStyle(timeline).overflowY);
  if (scrolls && timeline.scrollHeight > timeline.clientHeight + 1) {
    timeline.scrollIntoView({ block: 'start' });
    const box = timeline.getBoundingClientRect();
    return {
      what: 'section#timeline',
      x: box.left + box.width / 2,
      y: Math.max(box.top, 0) + Math.min(box.height, innerHeight - Math.max(box.top, 0)) / 2,
      distance: timeline.scrollHeight - timeline.clientHeight - timeline.scrollTop,
    };
  }
  const root = document.scrollingElement;
  return { what: 'page', x: innerWidth / 2, y: innerHeight / 2, distance: root.scrollHeight - innerHeight - scrollY };
}

/** In the page: starts keeping every frame's timestamp in window.__frames. */
function recordFrames() {
  window.__frames = [];
  window.__recording = true;
  const loop = (t) => {
    window.__frames.push(t);
    if (window.__recording) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** In the page: stops recording; the frames, the long ones, and where the scroll ended. */
function framesRecorded(what) {
  window.__recording = false;
  const t = window.__frames;
  const gaps = t.slice(1).map((x, i) => x - t[i]);
  const el = what === 'page' ? document.scrollingElement : document.querySelector('section#timeline');
  return {
    frames: t.length,
    longFrames: gaps.filter((g) => g > 50).length,
    longestFrameMs: gaps.length ? Math.max(...gaps) : null,
    atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
    scrolledPx: el.scrollTop,
  };
}

/** Scrolls from the top to the bottom in 40 wheel steps 50 ms apart at CPU ×`rate`, counting frames. */
async function measureScroll(browser, page, server, rate) {
  const { context, tab } = await openReady(browser, page, server, rate);
  try {
    const target = await tab.evaluate(scrollTarget);
    await settle(tab);
    await tab.evaluate(recordFrames);
    const steps = 40;
    await tab.mouse.move(target.x, target.y);
    const started = Date.now();
    for (let i = 0; i < steps; i += 1) {
      await tab.mouse.wheel(0, Math.ceil(target.distance / steps));
      await tab.waitForTimeout(50);
    }
    const wheelMs = Date.now() - started;
    await tab.waitForTimeout(300);
    const result = await tab.evaluate(framesRecorded, target.what);
    return {
      page: page.name,
      cpuThrottling: rate,
      target: target.what,
      distancePx: Math.round(target.distance),
      wheelMs,
      ...result,
      longestFrameMs: round(result.longestFrameMs),
    };
  } finally {
    await context.close();
  }
}

/** The scrolling of each page at each CPU rate; a failure goes to notMeasured. */
export async function measureScrolls(browser, pages, servers, { notMeasured, log }) {
  const results = [];
  for (const page of pages) {
    for (const rate of RATES) {
      log(`scroll: ${page.name}, CPU ×${rate}`);
      try {
        results.push(await measureScroll(browser, page, servers[page.name], rate));
      } catch (error) {
        notMeasured.push({ what: `${page.name}: scroll ×${rate}`, why: error.message.split('\n')[0] });
      }
    }
  }
  return results;
}

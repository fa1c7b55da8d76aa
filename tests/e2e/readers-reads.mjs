// What the readers-*.spec.mjs files (issue 23, the rest) stub and read: a recording
// `navigator.share`, stored visually-impaired settings, everything a reader at a large type
// size would trip over, and the lifecycle marks' hit areas.

import fs from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR } from './env.mjs';

/** The phone of the readers' tests: touch, a mobile viewport, two device pixels a CSS pixel. */
export const PHONE = {
  viewport: { width: 360, height: 780 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

/** A stub of `navigator.share` (an init script) that records what it was given in `__shared`. */
export async function stubShare(page) {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) {
        window.__shared.push({ ...data });
        return Promise.resolve();
      },
    });
  });
}

/** What the share sheet was given (none without the stub). */
export const shared = (page) => page.evaluate(() => window.__shared ?? []);

/** Stores visually-impaired settings before the app starts, as `vi::ViSettings::to_storage` does. */
export async function storeVi(page, stored) {
  await page.addInitScript((value) => localStorage.setItem('technoparks.vi', value), stored);
}

/** A screenshot of what the window shows (ui.mjs's `screenshot` takes the whole page). */
export async function shot(page, name) {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * The charts' drawing widths (their viewBox) against their shown widths: the app redraws a
 * chart once it has measured its box, so two equal readings mean the charts are drawn.
 */
export const chartWidths = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#app .chart svg')].map((svg) => [
      svg.getAttribute('viewBox'),
      Math.round(svg.getBoundingClientRect().width),
    ]),
  );

/** Every problem a reader at a large size would see, measured in the page. */
export const readingProblems = (page) =>
  page.evaluate(() => {
    const problems = [];
    const root = document.querySelector('#app');
    const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const where = (el) => {
      const id = el.closest('[id]')?.id ?? '';
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} in #${id}`;
    };
    // A box that scrolls on purpose: a table sideways in its own box, a dialog, the chart's hit layer.
    const scrollsOnPurpose = (el) => el.closest('.table-scroll, dialog, svg, textarea, select');
    // 1. Inner scrolls: an element that scrolls up and down hides what the page's scroll cannot reach.
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || scrollsOnPurpose(el)) continue;
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 2) {
        problems.push(`inner scroll: ${where(el)} shows ${el.clientHeight} of ${el.scrollHeight} px`);
      }
    }
    // 2. Every event can be seen in the page's own scroll: no ancestor clips it.
    for (const ev of root.querySelectorAll('#timeline .event')) {
      for (let a = ev.parentElement; a && a !== root; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowY !== 'visible' && a.scrollHeight > a.clientHeight + 2) {
          problems.push(`event ${ev.id} clipped by ${where(a)}`);
          break;
        }
      }
    }
    // 3. Text boxes wider inside than out (text cut or running over), and the page sideways.
    for (const el of root.querySelectorAll('h1, h2, h3, p, li, label, button, summary, a, td, th, legend, .badge, time')) {
      if (!visible(el) || scrollsOnPurpose(el) || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push(`overflow: ${where(el)} «${el.textContent.trim().slice(0, 30)}» ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    }
    // 4. Words split inside: a run of letters whose letters sit on two lines, where the run
    // alone fits the line. A run is what no ordinary space breaks: the core joins «500 млн
    // рублей» with no-break spaces, and a run wider than its line must break somewhere.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let broken = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !visible(parent) || parent.closest('svg, script, style, .visually-hidden, textarea, select, option')) continue;
      const text = node.textContent;
      for (const match of text.matchAll(/[^ \t\n\r\u2014\u2013-]+/g)) {
        if (!/[\p{L}\p{N}]{3}/u.test(match[0])) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size < 2) continue;
        const runWidth = rects.reduce((sum, r) => sum + r.width, 0);
        const box = parent.closest('p, li, td, th, h1, h2, h3, label, button, a, div, span') ?? parent;
        const style = getComputedStyle(box);
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (runWidth <= inner) {
          broken += 1;
          if (broken <= 12) problems.push(`word split: «${match[0]}» in ${where(parent)} (${Math.round(runWidth)} px fits ${Math.round(inner)})`);
        }
      }
    }
    if (broken > 12) problems.push(`… ${broken - 12} more words split`);
    // 5. Chart text grows with the chosen size: its rendered size against the body's. The
    // lifecycle chart is drawn no narrower than 280 px (22 years and two parks' bars): in a box
    // narrower than 280 px × the size, its drawing cannot grow as much, and its periods table
    // below says the same in the page's own type.
    const body = parseFloat(getComputedStyle(root).fontSize);
    const scale = body / 16;
    const lifecycleBox = root.querySelector('#lifecycle .chart-wrap')?.clientWidth ?? 0;
    const lifecycleScales = lifecycleBox >= 280 * scale;
    if (!lifecycleScales && !root.querySelector('#lifecycle table')?.checkVisibility()) {
      problems.push('the lifecycle chart is too narrow to grow, and its periods table is not shown');
    }
    for (const t of root.querySelectorAll('.chart svg text')) {
      if (!visible(t) || (!lifecycleScales && t.closest('#lifecycle'))) continue;
      const h = t.getBoundingClientRect().height;
      if (h > 0 && h < body * 0.5) {
        problems.push(`chart text ${Math.round(h)} px against body ${body} px: «${t.textContent.slice(0, 20)}»`);
        break;
      }
    }
    // 5b. No chart text cut at its drawing's edge (the mode's letter and word spacing must not
    // widen text the chart measured without them).
    for (const svg of root.querySelectorAll('.chart svg')) {
      if (!visible(svg)) continue;
      const box = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
          problems.push(`chart text cut: «${t.textContent.slice(0, 30)}» ${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      }
    }
    // 6. One column: the timeline below the comparison, not beside it.
    const compare = root.querySelector('#compare');
    const timeline = root.querySelector('#timeline');
    if (compare && timeline) {
      const c = compare.getBoundingClientRect();
      const t = timeline.getBoundingClientRect();
      if (t.top < c.bottom - 1) problems.push(`two columns: the timeline beside the comparison (${Math.round(c.width)} + ${Math.round(t.width)} px)`);
    }
    return problems;
  });

/** The visible table headers: their text, how many lines they take and how many words they have. */
export const tableHeaders = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#app table th')]
      .filter((th) => th.checkVisibility())
      .map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        const words = th.textContent.trim().split(/\s+/).length;
        return { text: th.textContent.trim(), lines: lines.size, words };
      }),
  );

/** The lifecycle marks' hit areas in the window: index, event, box. */
export const hitBoxes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#lifecycle .hit')].map((el) => {
      const r = el.getBoundingClientRect();
      return { i: Number(el.dataset.index), event: el.dataset.event, x: r.left, y: r.top, w: r.width, h: r.height };
    }),
  );

/** The pairs of hit areas that overlap by more than half a pixel each way, as «i×j». */
export function overlaps(boxes) {
  const found = [];
  for (const a of boxes) {
    for (const b of boxes) {
      if (a.i < b.i && a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) {
        found.push(`${a.i}×${b.i}`);
      }
    }
  }
  return found;
}

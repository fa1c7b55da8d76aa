// What the accessibility specs do and read: the keyboard's stops, the visually-impaired
// settings, axe-core's findings and the reflow at 320 CSS px. Used by the a11y-*.spec.mjs files.

import { expect, laidOutNearViewport } from './fixtures.mjs';
import { runAxe } from './data.mjs';
import { screenshot } from './ui.mjs';

/** Turns on the given visually-impaired colour scheme (the panel must be shown). */
export async function chooseScheme(page, scheme) {
  await page.check(`#a11y-panel input[name=vi-scheme][value="${scheme}"]`);
  await expect(page.locator('#app')).toHaveClass(new RegExp(`\\bvi-scheme-${scheme}\\b`));
}

/** Turns on the given visually-impaired text size (the panel must be shown). */
export async function chooseSize(page, size) {
  await page.check(`#a11y-panel input[name=vi-size][value="${size}"]`);
  await expect(page.locator('#app')).toHaveClass(new RegExp(`\\bvi-size-${size}\\b`));
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
export async function tabTo(page, selector, max = 30) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} not reached in ${max} Tab presses`);
}

/** A short, stable description of the focused element (id, else tag.classes[data-index]). */
export function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { key: 'body', tag: 'body' };
    const cls = typeof el.className === 'string' ? el.className : el.className?.baseVal ?? '';
    const index = el.getAttribute('data-index');
    const section = el.closest('section[id], header, footer')?.id || el.closest('header, footer')?.tagName.toLowerCase() || '';
    const within = el.parentElement?.closest('li[id]')?.id;
    const key = el.id
      ? `#${el.id}`
      : `${section ? `${section} ` : ''}${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${index !== null ? `[${index}]` : ''}${within ? ` in #${within}` : ''}`;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const stroke = el.matches('rect.hit') && style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0;
    const previous = window.__previousStop;
    window.__previousStop = el;
    return {
      key,
      section,
      focusVisible: outline || stroke,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      stroke: `${style.stroke} ${style.strokeWidth}`,
      followsPrevious: !previous || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      tag: el.tagName.toLowerCase(),
      inCompareChart: el.matches('#compare-chart rect.hit'),
      isLink: el.matches('a[href]'),
      isSkip: el.matches('a.skip-link'),
      inHeader: !!el.closest('header'),
    };
  });
}

/**
 * axe over the whole document, or over what `within` selects: one line per violation (rule,
 * impact, 3 targets); a screenshot if any.
 */
export async function axeViolations(page, label, within = null) {
  const result = await runAxe(page, undefined, within);
  const lines = result.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' >>> ')).join(' | ');
    return `${label}: ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${targets} — ${v.help}`;
  });
  if (lines.length) await screenshot(page, `a11y-axe-${label}`);
  return lines;
}

const REFLOW_CONTROLS = [
  '#metric-select',
  '#filter-search',
  '#filter-level',
  '#filter-kind',
  '#filter-park',
  '#filter-from',
  '#filter-to',
  '#source-list a',
];

/** No horizontal scroll, and each control on screen between 0 and 320 px and not covered. */
export async function reflowProblems(page, label) {
  const problems = [];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 320) {
    const widest = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.right > 320.5 && r.width > 0)
        .slice(0, 3)
        .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} right=${Math.round(r.right)}`),
    );
    problems.push(`scrollWidth ${width} > 320 (${widest.join('; ')})`);
  }
  // On a phone the timeline's filters fold behind their button: open it, as a reader would.
  const fold = page.locator('.filters-fold:not([open]) > summary');
  if ((await fold.count()) > 0 && (await fold.first().isVisible())) await fold.first().click();
  // As a reader comes to them: once the page has laid itself out after the last change.
  await laidOutNearViewport(page, label);
  for (const selector of REFLOW_CONTROLS) {
    const control = page.locator(selector).first();
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    if (!box || box.width <= 0 || box.height <= 0) {
      problems.push(`${selector} not visible`);
      continue;
    }
    if (box.x < 0 || box.x + box.width > 320.5) {
      problems.push(`${selector} at x ${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)}`);
    }
    // Hit-test the middle of the first line box (a link may wrap over many lines), once it is
    // drawn, as a tap comes: a part far down the page is drawn only in the frame after it nears
    // the viewport (style.css, content-visibility), and again after a whole layout.
    const operable = await control.evaluate(async (el) => {
      const first = el.getClientRects()[0];
      window.scrollBy(0, first.top - 20);
      const frame = () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
      await frame();
      for (let i = 0; i < 10 && !el.checkVisibility({ contentVisibilityAuto: true }); i += 1) await frame();
      const r = el.getClientRects()[0];
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !el.disabled && !!hit && (hit === el || el.contains(hit));
    });
    if (!operable) problems.push(`${selector} covered or disabled`);
  }
  if (problems.length) await screenshot(page, `a11y-reflow-${label}`);
  return problems.map((p) => `${label}: ${p}`);
}

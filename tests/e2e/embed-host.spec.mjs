// embed.js on a host page of another origin (routed, with the host's own strict CSP): a lazy,
// titled iframe whose height follows the embedded explorer, grows and shrinks with it, and
// ignores forged or malformed height messages. See EMBEDDING.md.

import { expect, test } from './fixtures.mjs';
import { screenshot } from './ui.mjs';
import { HOSTED, THIRD, TITLE, embedFrame, heightFollows, openHost } from './embed-host.mjs';

test.use(HOSTED);

test('a host page on another origin gets a lazy titled iframe whose height follows the content', async ({ page, record, served }) => {
  const frame = await openHost(page, served);
  const hostHref = page.url();
  const iframe = embedFrame(page);
  await expect(iframe, 'exactly one iframe from embed.js').toHaveCount(1);
  await expect(iframe).toHaveAttribute('title', TITLE);
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  expect(new URL(await iframe.getAttribute('src')).origin).toBe(served.origin);
  // Host content stays around the frame.
  await expect(page.locator('#host-before')).toBeVisible();
  await expect(page.locator('#host-after')).toBeVisible();

  const first = await heightFollows(page, frame, 'within 1 s of ready');
  expect(page.url(), 'the host URL stays').toBe(hostHref);

  // A taller view: the akit_rank line chart with its value figures.
  await frame.selectOption('#metric-select', 'akit_rank');
  const taller = await heightFollows(page, frame, 'after akit_rank');
  expect(page.url(), 'the host URL stays after the metric switch').toBe(hostHref);
  // The app writes its URL when the page is idle (within a second), so wait for it.
  await expect
    .poll(() => frame.url(), { message: 'the frame keeps its own URL in step', timeout: 3_000 })
    .toMatch(/metric=akit_rank/);
  expect(record.failedRequests, 'failed requests').toEqual([]);
  await screenshot(page, 'embed-host-page').catch(() => {});
  // Last, as it depends on the content fitting under embed.js's 6000 px ceiling.
  expect(
    taller.attr,
    `the iframe grows for the taller akit_rank view (frame scrollHeight ${first.scroll} -> ` +
      `${taller.scroll} px; embed.js clamps to 6000)`,
  ).toBeGreaterThan(first.attr);
});

// With the shipped dataset the embedded explorer is taller than embed.js's 6000 px ceiling, so
// the growing and shrinking is checked with a cut-down dataset that fits.
test('the embedded frame grows and shrinks again with the content (short dataset)', async ({ page, record, served }) => {
  const frame = await openHost(page, served, { small: true });
  const short = await heightFollows(page, frame, 'initially');
  expect(short.scroll, 'the short dataset fits under 6000 px').toBeLessThan(6000);
  await frame.selectOption('#metric-select', 'akit_rank');
  const tall = await heightFollows(page, frame, 'akit_rank');
  expect(tall.attr, 'akit_rank is taller than area').toBeGreaterThan(short.attr);

  await frame.selectOption('#metric-select', 'area_m2');
  // The content itself (not the viewport-bound scrollHeight) is what the frame should take.
  await expect
    .poll(async () => Math.abs(Number(await embedFrame(page).getAttribute('height')) - short.attr) <= 2, {
      // Within 3 s: one frame on an idle machine, longer when the cores are busy.
      message: `back to area_m2 the iframe returns to ${short.attr} px within 3 s`,
      timeout: 3_000,
      intervals: [25],
    })
    .toBe(true);
  expect(record.failedRequests, 'failed requests').toEqual([]);
});

/** Records every height the host gives the iframe (attribute and min-height), from now on. */
function watchHeights(page) {
  return page.evaluate(() => {
    const iframe = document.querySelector('[data-technoparks-embed] iframe');
    window.__heights = [];
    new MutationObserver(() => window.__heights.push(`${iframe.getAttribute('height')}|${iframe.style.minHeight}`)).observe(
      iframe,
      { attributes: true, attributeFilter: ['height', 'style'] },
    );
  });
}

/** A height message from a window of the page (the host, a frame) to the host. */
const post = (target, message) =>
  target.evaluate((m) => (window.parent === window ? window : window.parent).postMessage(m, '*'), message);
const height = (h) => ({ type: 'technoparks:height', height: h });

// On the short dataset, so that the frame's own height is below the 6000 px clamp and the clamp
// is observable. Each forged message is followed by a valid one from the real frame (a marker
// height): once the marker shows, the forged message has been handled, and the heights the host
// went through tell whether it changed anything.
test('forged or malformed height messages change nothing', async ({ page, record, served }) => {
  const frame = await openHost(page, served, { small: true });
  const original = await heightFollows(page, frame, 'initially');
  expect(original.attr, 'the baseline height is not clamped').toBeLessThan(6000);
  const forger = page.frames().find((f) => f.url().startsWith(THIRD));
  expect(forger, 'the third-origin frame').toBeTruthy();
  await watchHeights(page);
  const shown = () => page.evaluate(() => window.__heights.slice());
  const attr = () => embedFrame(page).getAttribute('height');

  const forged = [
    ['the host page posting to itself', page, height(1234)],
    ['a third-origin frame posting to the host', forger, height(1234)],
    ['the real frame sending a string height', frame, height('999')],
    ['the real frame sending Infinity', frame, height(Infinity)],
    ['the real frame sending NaN', frame, height(NaN)],
    ['the real frame sending another type', frame, { type: 'other', height: 500 }],
    ['the real frame sending a bare string', frame, 'technoparks:height'],
  ];
  for (const [i, [what, sender, message]] of forged.entries()) {
    const marker = original.attr + 10 + i;
    await page.evaluate(() => window.__heights.splice(0));
    await post(sender, message);
    await post(frame, height(marker));
    await expect.poll(attr, { message: `the marker after: ${what}` }).toBe(String(marker));
    expect(await shown(), `heights the host went through after: ${what}`).toEqual([`${marker}|${marker}px`]);
  }

  // A huge height from the real frame is clamped to 6000 …
  await post(frame, height(1e9));
  await expect.poll(attr, { message: 'the height after 1e9 is exactly 6000' }).toBe('6000');
  await expect(embedFrame(page)).toHaveCSS('min-height', '6000px');
  // … and a valid height from the real frame restores it.
  await post(frame, height(original.attr));
  await expect.poll(attr, { message: 'the height is restored' }).toBe(String(original.attr));

  // The same window (iframe.contentWindow) after navigating to another origin: origin check.
  await page.evaluate(() => window.__heights.splice(0));
  await frame.goto(`${THIRD}/forger.html`);
  await post(frame, height(777));
  // Back to the explorer, which sends its own height once it is up: the 777 came before it.
  await frame.goto(`${served.sub}embed.html?embed=1&lang=en`);
  await expect(frame.locator('main#main')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await heightFollows(page, frame, 'back in the explorer');
  expect(
    (await shown()).filter((h) => h.startsWith('777|')),
    'a message from the frame navigated to another origin changes nothing',
  ).toEqual([]);
  expect(record.failedRequests, 'failed requests').toEqual([]);
});

// A small scanner for the build's HTML (minified: unquoted attributes, no </head> or </body>,
// but every other end tag written): its tags with their attributes and offsets, and the extent
// of an element. Enough to take elements out of index.html byte for byte, as the variants do.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style']);

const isSpace = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
const isLetter = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Index just past the run of characters from `i` for which `keep` holds. */
function skip(html, i, keep) {
  while (i < html.length && keep(html[i])) i += 1;
  return i;
}

/**
 * One start tag from `start` (at its '<'): { name, attrs (a Map), start, end (past its '>'),
 * selfClosing }.
 */
function startTag(html, start) {
  let i = skip(html, start + 1, (c) => !isSpace(c) && c !== '>' && c !== '/');
  const name = html.slice(start + 1, i).toLowerCase();
  const attrs = new Map();
  let selfClosing = false;
  for (;;) {
    i = skip(html, i, isSpace);
    if (i >= html.length) throw new Error(`unterminated <${name}> at ${start}`);
    if (html[i] === '>') break;
    if (html.startsWith('/>', i)) {
      selfClosing = true;
      i += 1;
      break;
    }
    const nameEnd = skip(html, i + 1, (c) => !isSpace(c) && c !== '=' && c !== '>' && c !== '/');
    const attr = html.slice(i, nameEnd).toLowerCase();
    i = skip(html, nameEnd, isSpace);
    let value = '';
    if (html[i] === '=') {
      i = skip(html, i + 1, isSpace);
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) throw new Error(`unterminated attribute ${attr} of <${name}> at ${start}`);
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueEnd = skip(html, i, (c) => !isSpace(c) && c !== '>');
        value = html.slice(i, valueEnd);
        i = valueEnd;
      }
    }
    attrs.set(attr, value);
  }
  return { name, attrs, start, end: i + 1, selfClosing: selfClosing || VOID.has(name) };
}

/**
 * Every tag in document order: start tags as startTag gives them, end tags as
 * { name, end: true, start, stop }. Comments, doctypes and the text of script and style are
 * passed over.
 */
export function* tags(html) {
  const past = (text, from) => {
    const at = html.indexOf(text, from);
    if (at < 0) throw new Error(`no ${text} after ${from}`);
    return at + text.length;
  };
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (html.startsWith('<!--', i)) {
      i = past('-->', i + 4);
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      i = past('>', i);
    } else if (html[i + 1] === '/' && isLetter(html[i + 2] ?? '')) {
      const stop = past('>', i);
      yield { name: html.slice(i + 2, stop - 1).trim().toLowerCase(), end: true, start: i, stop };
      i = stop;
    } else if (isLetter(html[i + 1] ?? '')) {
      const tag = startTag(html, i);
      yield tag;
      i = RAW_TEXT.has(tag.name) ? past(`</${tag.name}`, tag.end) - tag.name.length - 2 : tag.end;
    } else {
      i += 1;
    }
  }
}

/** [start, end) of each element whose start tag `matches(tag)`, the whole element with its end tag. */
export function elementsWhere(html, matches) {
  const found = [];
  const open = [];
  for (const tag of tags(html)) {
    if (tag.end === true) {
      // The innermost open element of that name ends here (the build writes every end tag).
      const at = open.findLastIndex((o) => o.name === tag.name);
      if (at < 0) continue;
      const [element] = open.splice(at);
      if (element.wanted) found.push([element.start, tag.stop]);
    } else if (tag.selfClosing) {
      if (matches(tag)) found.push([tag.start, tag.end]);
    } else {
      open.push({ name: tag.name, start: tag.start, wanted: matches(tag) });
    }
  }
  // Nested matches fall inside an outer one: keep the outermost.
  found.sort((a, b) => a[0] - b[0]);
  return found.filter(([start], i) => !found.slice(0, i).some(([s, e]) => s <= start && start < e));
}

/** `html` without the given [start, end) ranges (sorted, not overlapping). */
export function without(html, ranges) {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}

/** Whether a start tag has `name` among its classes. */
export const hasClass = (tag, name) => (tag.attrs.get('class') ?? '').split(/\s+/).includes(name);

/**
 * A linear pre-pass against pathological nesting: htmlparser2 spends O(depth) per tag, so
 * 50,000 unclosed levels would take seconds. Tags opened beyond `maxDepth` are dropped
 * (their text stays), which the later depth limit would flatten anyway.
 */

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const TAG = /<(\/?)([a-zA-Z][\w:-]{0,40})(?:\s[^<>]{0,2000})?(\/?)>/g;

/** Returns the HTML unchanged unless tags nest deeper than `maxDepth`; then drops the excess. */
export function capNesting(html: string, maxDepth: number): string {
  if (!exceeds(html, maxDepth)) return html;
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    const drop = closing ? depth > maxDepth : depth >= maxDepth;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (drop) {
      out.push(html.slice(last, m.index));
      last = m.index + m[0].length;
    }
  }
  out.push(html.slice(last));
  return out.join('');
}

function exceeds(html: string, maxDepth: number): boolean {
  // Fewer tags than the limit cannot nest beyond it.
  if (html.length < maxDepth * 3) return false;
  let opens = 0;
  for (let i = html.indexOf('<'); i !== -1 && opens <= maxDepth; i = html.indexOf('<', i + 1))
    opens += 1;
  if (opens <= maxDepth) return false;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    depth = m[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > maxDepth) return true;
  }
  return false;
}

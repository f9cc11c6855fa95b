/**
 * Builds the Han variant classes of electron/core/search/han-classes.ts from opencc-js's
 * character and phrase dictionaries. Every pair of characters that a Simplified↔Traditional (or
 * Taiwan/Hong Kong variant) conversion can exchange, alone or inside a phrase, lands in one class,
 * so 干/乾/幹 fold alike whichever way a query was converted. Vocabulary tables (软件→軟體) are left
 * out: they swap words, not characters.
 *
 *   npx tsx tests/core/search/han-classes-gen.ts > electron/core/search/han-classes.ts
 */
import * as OpenCC from 'opencc-js';

const DICTS = [
  'STCharacters',
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'TSCharacters',
  'TSPhrases',
  'HKVariants',
  'HKVariantsRev',
  'HKVariantsPhrases',
  'HKVariantsRevPhrases',
  'TWVariants',
  'TWVariantsRev',
  'TWVariantsPhrases',
  'TWVariantsRevPhrases',
];

/** The classes, each a string whose first character is the canonical (Simplified) form. */
export async function buildHanClasses(): Promise<string[]> {
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    const p = parent.get(c) ?? c;
    if (p === c) return c;
    const r = find(p);
    parent.set(c, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  for (const name of DICTS) {
    const mod = (await import(`opencc-js/dict/${name}`)) as { default: string };
    for (const entry of mod.default.split('|')) {
      const [key, ...values] = entry.split(' ');
      const k = Array.from(key ?? '');
      for (const v of values) {
        const chars = Array.from(v);
        if (chars.length !== k.length) continue;
        chars.forEach((c, i) => {
          if (c !== k[i]) union(c, k[i]!);
        });
      }
    }
  }
  const members = new Map<string, string[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    if (!members.has(r)) members.set(r, [r]);
    if (c !== r) members.get(r)!.push(c);
  }
  const toCn = OpenCC.Converter({ from: 't', to: 'cn' });
  const classes: string[] = [];
  for (const list of members.values()) {
    const sorted = [...new Set(list)].sort();
    // The canonical form is what opencc's Traditional → Simplified gives most members, so folded
    // text reads as ordinary Simplified Chinese.
    const votes = new Map<string, number>();
    for (const m of sorted) {
      const s = toCn(m);
      if (sorted.includes(s)) votes.set(s, (votes.get(s) ?? 0) + 1);
    }
    let rep = sorted[0]!;
    for (const m of sorted) if ((votes.get(m) ?? 0) > (votes.get(rep) ?? 0)) rep = m;
    classes.push(rep + sorted.filter((m) => m !== rep).join(''));
  }
  return classes.sort();
}

/** The TypeScript source of han-classes.ts. */
export function hanClassesSource(classes: string[]): string {
  const lines = [
    '/**',
    ' * Han characters that Simplified/Traditional conversion exchanges, one class per string, the',
    ' * canonical (Simplified) form first. Generated from opencc-js by',
    ' * tests/core/search/han-classes-gen.ts; a test checks it is current.',
    ' */',
    // One class per line of a template literal: compact, and formatters leave it alone.
    'export const HAN_CLASSES: readonly string[] = `',
    ...classes,
    '`.split(/\\s+/).filter(Boolean);',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('han-classes-gen.ts')) {
  process.stdout.write(hanClassesSource(await buildHanClasses()));
}

/**
 * A query's string checks run stage by stage: one string at a time, searched in the texts of
 * every candidate still in at once, which EvalContext.checkForms may share among threads. This
 * holds when each check is one string that must be there (a phrase, a long CJK run) or must not
 * (an exclusion); a group of alternatives is checked document by document instead (evaluate.ts).
 */
import type { FoldedNeedle } from './folded-form';
import { type Needle, type PhraseChecker, READ, YES } from './phrase-check';

/** One string every match must hold (or, for an exclusion, must not). */
export interface Stage {
  /** Null for an exclusion whose terms alone exclude. */
  needle: Needle | null;
  /** The clause's matches by document (phrase-check.ts matchTable). */
  table: Uint8Array;
  exclude: boolean;
}

interface Checked {
  verify: Needle[];
  table: Uint8Array;
}

/** Stages are bits of a 32-bit mask per candidate. */
const MAX_STAGES = 31;

/**
 * The query's checks as stages, or null when one is not a single string: a group of
 * alternatives, a clause of several strings. Exclusions come first: those needing no read, so
 * that they read nothing when they exclude; then those that do, because a candidate holding all
 * of an excluded run's bigrams mostly holds the run, so they drop the most.
 */
export function stagedChecks(groups: Checked[][], excludes: Checked[]): Stage[] | null {
  if (groups.some((g) => g.length !== 1 || g[0]!.verify.length !== 1)) return null;
  if (excludes.some((ex) => ex.verify.length > 1)) return null;
  const stages: Stage[] = [
    ...excludes
      .filter((ex) => ex.verify.length === 0)
      .map((ex) => ({ needle: null, table: ex.table, exclude: true })),
    ...excludes
      .filter((ex) => ex.verify.length === 1)
      .map((ex) => ({ needle: ex.verify[0]!, table: ex.table, exclude: true })),
    ...groups.map(([m]) => ({ needle: m!.verify[0]!, table: m!.table, exclude: false })),
  ];
  return stages.length <= MAX_STAGES ? stages : null;
}

/**
 * What a candidate's filters, title and metadata tell for every stage: -1 when it is out, else
 * the bits of the stages only its stored text can answer (0: a match).
 */
export function stageWaits(stages: Stage[], checker: PhraseChecker, doc: number): number {
  let wait = 0;
  for (let s = 0; s < stages.length; s++) {
    const { needle, table, exclude } = stages[s]!;
    const entry = table[doc]!;
    // Candidates are in every clause's table: only an exclusion's can lack one.
    if (entry === 0) {
      if (exclude) continue;
      return -1;
    }
    const answer = needle ? checker.precheck(doc, needle, entry) : YES;
    if (answer === READ) wait |= 1 << s;
    else if ((answer === YES) === exclude) return -1;
  }
  return wait;
}

/**
 * Searches the stored texts of the waiting candidates (`refs`: each one's [offset, byteLength])
 * stage by stage, each stage only those still in; 1 in the answer for a candidate that failed.
 * Exclusions first, then the string fewest candidates still wait for.
 */
export function runStages(
  stages: Stage[],
  waits: number[],
  refs: Array<[number, number]>,
  checkForms: (needle: FoldedNeedle, refs: Float64Array) => Uint8Array,
): Uint8Array {
  const out = new Uint8Array(waits.length);
  const asking = (s: number) => {
    const asked: number[] = [];
    for (let i = 0; i < waits.length; i++) if (!out[i] && waits[i]! & (1 << s)) asked.push(i);
    return asked;
  };
  const left = stages.map((_, s) => s);
  while (left.length) {
    let at = 0;
    let asked = asking(left[0]!);
    if (!stages[left[0]!]!.exclude) {
      for (let j = 1; j < left.length; j++) {
        const other = asking(left[j]!);
        if (other.length < asked.length) [at, asked] = [j, other];
      }
    }
    const { needle, exclude } = stages[left.splice(at, 1)[0]!]!;
    if (!asked.length) continue;
    const flat = new Float64Array(asked.length * 2);
    asked.forEach((i, j) => {
      flat[2 * j] = refs[i]![0];
      flat[2 * j + 1] = refs[i]![1];
    });
    const holds = checkForms(needle!, flat);
    asked.forEach((i, j) => {
      if ((holds[j] === 1) === exclude) out[i] = 1;
    });
  }
  return out;
}

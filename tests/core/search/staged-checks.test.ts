import { describe, expect, it } from 'vitest';
import type { FoldedNeedle } from '../../../electron/core/search/folded-form';
import { needleOf } from '../../../electron/core/search/phrase-check';
import { runStages, stagedChecks } from '../../../electron/core/search/staged-checks';

const table = new Uint8Array(4).fill(0x81);
const checked = (...strings: string[]) => ({ verify: strings.map(needleOf), table });

describe('stagedChecks', () => {
  it('puts exclusions first, those needing no read before those that do', () => {
    const stages = stagedChecks(
      [[checked('美国总统')], [checked('新冠疫情')]],
      [checked('香港政府'), checked()],
    )!;
    expect(stages.map((s) => [s.needle?.text ?? null, s.exclude])).toEqual([
      [null, true],
      ['香港政府', true],
      ['美国总统', false],
      ['新冠疫情', false],
    ]);
  });

  it('declines alternatives, clauses of several strings and more stages than a mask holds', () => {
    expect(stagedChecks([[checked('美国总统'), checked('新冠疫情')]], [])).toBeNull();
    expect(stagedChecks([[checked('美国总统', '新冠疫情')]], [])).toBeNull();
    expect(stagedChecks([], [checked('美国总统', '新冠疫情')])).toBeNull();
    const many = Array.from({ length: 32 }, (_, i) => [checked(`词${i}词`)]);
    expect(stagedChecks(many, [])).toBeNull();
    expect(stagedChecks(many.slice(0, 31), [])).toHaveLength(31);
  });
});

describe('runStages', () => {
  /** A checkForms over texts by offset, recording which texts each needle was searched in. */
  const forms = (texts: string[]) => {
    const asked: Array<[string, number[]]> = [];
    const check = (needle: FoldedNeedle, refs: Float64Array) => {
      const offsets = Array.from({ length: refs.length / 2 }, (_, j) => refs[2 * j]!);
      asked.push([needle.text, offsets]);
      return Uint8Array.from(offsets, (o) => (texts[o]!.includes(needle.text) ? 1 : 0));
    };
    return { asked, check };
  };
  const refs = (n: number) => Array.from({ length: n }, (_, i): [number, number] => [i, 1]);

  it('searches each string only in the candidates still in, exclusions first', () => {
    const texts = ['甲乙 丙丁', '甲乙', '甲乙 戊己', '丙丁'];
    const { asked, check } = forms(texts);
    const stages = stagedChecks([[checked('甲乙')], [checked('丙丁')]], [checked('戊己')])!;
    // Every candidate waits for every stage.
    const failed = runStages(stages, [7, 7, 7, 7], refs(4), check);
    expect(Array.from(failed)).toEqual([0, 1, 1, 1]);
    expect(asked).toEqual([
      ['戊己', [0, 1, 2, 3]],
      // 丙丁 waits for three, 甲乙 for three: the first of the two.
      ['甲乙', [0, 1, 3]],
      ['丙丁', [0, 1]],
    ]);
  });

  it('takes the string the fewest still wait for, and asks no one twice', () => {
    const texts = ['甲乙 丙丁', '甲乙 丙丁', '甲乙', '丙丁'];
    const { asked, check } = forms(texts);
    const stages = stagedChecks([[checked('甲乙')], [checked('丙丁')]], [])!;
    // Titles answered 甲乙 for the first two: only 丙丁 is left to read for them.
    const failed = runStages(stages, [2, 2, 3, 3], refs(4), check);
    expect(Array.from(failed)).toEqual([0, 0, 1, 1]);
    expect(asked).toEqual([
      ['甲乙', [2, 3]],
      ['丙丁', [0, 1, 2]],
    ]);
  });
});

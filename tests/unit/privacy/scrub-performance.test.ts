import { performance } from 'node:perf_hooks';
import { personalDataOf, scrubForMerchant, scrubNarrative } from '../../../functions/domain/privacy';
import { corpus } from './corpus/measure';

/**
 * Scrubbing runs inside the request that shows a case or publishes a
 * narrative: a 5,000-character description must take well under 50 ms, and
 * no input may make a pattern backtrack catastrophically. Timings are the
 * best of several runs, so a busy machine does not fail the test; measured
 * on an idle machine: about 9 ms (public) and 1 ms (merchant) for the
 * description, at most about 16 ms for any pathological input. Catastrophic
 * backtracking on 5,000 characters takes seconds to hours, far above the
 * 250 ms the pathological inputs are allowed on a machine shared with other tests.
 */
const personal = personalDataOf({
  consumer: { name: '张建国', phone: '13800138000', email: 'zhangjg@qq.com', regionCode: '410105', address: '郑州市金水区花园路58-2号' },
  purchase: { date: '2026-10-01', channel: 'online', orderRef: 'JD20261001123456' },
});

function bestOf(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const fiveThousand = (text: string) => text.repeat(Math.ceil(5000 / text.length)).slice(0, 5000);

/** Inputs built to make a careless pattern backtrack: long runs of what a pattern repeats, without what ends it. */
const pathological: Record<string, string> = {
  digitsWithSeparators: fiveThousand('1 '),
  digitsWithMixedSeparators: fiveThousand('1-3.8,0 '),
  chineseNumerals: fiveThousand('一三八'),
  latinLetters: fiveThousand('a'),
  emailWithoutDomain: fiveThousand('a.') + '@',
  spelledAtWithoutDot: `abc at ${' '.repeat(4990)}x`,
  labelThenSpaces: `微信${' '.repeat(4990)}!`,
  roleThenSpaces: `店员${' '.repeat(4990)}`,
  hanWithoutStreetNumber: fiveThousand('建设花园路'),
  houseNumbersWithoutSuffix: fiveThousand('3-3-'),
  surnamesBeforeRoles: fiveThousand('王李张刘'),
  zeroWidthEverywhere: fiveThousand('1\u200b'),
};

describe('scrubbing time', () => {
  beforeAll(() => {
    // The first call loads the traditional/simplified dictionaries once per process.
    scrubNarrative('预热', personal);
  });

  it('a 5,000-character real-world description takes well under 50 ms', () => {
    const description = corpus.map((writing) => writing.text).join('').slice(0, 5000);
    expect([...description].length).toBeGreaterThanOrEqual(4900);
    expect(bestOf(10, () => scrubNarrative(description, personal))).toBeLessThan(50);
    expect(bestOf(10, () => scrubForMerchant(description))).toBeLessThan(50);
  });

  it.each(Object.entries(pathological))('pathological input (%s) finishes quickly', (_name, input) => {
    expect(bestOf(5, () => scrubNarrative(input, personal))).toBeLessThan(250);
    expect(bestOf(5, () => scrubForMerchant(input))).toBeLessThan(250);
  });
});

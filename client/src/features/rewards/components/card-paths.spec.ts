import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_PROGRAM, type ProgramProblem } from '@duijie/shared';
import { addedCards, allCards, problemCards } from './card-paths';

const problem = (path: string): ProgramProblem => ({ path, message: 'problem', messageZh: '问题' });

describe('program editor cards', () => {
  it('names each card holding a problem once, and ignores problems outside the cards', () => {
    const found = problemCards([problem('rules[1].bands[0].toRank'), problem('name'), problem('rules[1].figure'), problem('schemes[0].items[2].weight')]);
    expect(found).toEqual(['rules[1]', 'schemes[0]']);
  });

  it('opens only the rules and schemes appended since the last count', () => {
    expect(addedCards({ rules: 12, schemes: 2 }, { rules: 13, schemes: 2 })).toEqual(['rules[12]']);
    expect(addedCards({ rules: 12, schemes: 2 }, { rules: 12, schemes: 3 })).toEqual(['schemes[2]']);
    expect(addedCards({ rules: 12, schemes: 2 }, { rules: 11, schemes: 2 })).toEqual([]);
  });

  it('lists every rule and scheme of the default program for 全部展开', () => {
    const cards = allCards(DEFAULT_REWARD_PROGRAM);
    expect(cards).toHaveLength(DEFAULT_REWARD_PROGRAM.rules.length + DEFAULT_REWARD_PROGRAM.schemes.length);
    expect(cards[0]).toBe('rules[0]');
    expect(cards[cards.length - 1]).toBe(`schemes[${DEFAULT_REWARD_PROGRAM.schemes.length - 1}]`);
  });
});

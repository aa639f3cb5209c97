import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '@duijie/shared';
import { answerAliases, fromAnswers, nextQuestionId, toAnswers } from './survey-values';

const questions: SurveyQuestion[] = [
  { id: 'q1', label: '项目名称', type: 'text', required: true },
  { id: 'q2', label: '运输方式', type: 'choice', required: false, multiple: true, options: ['铁路', '公路'] },
];

describe('survey answer values', () => {
  it('turns the form into answers: goods with days, blank questions left out', () => {
    const answers = toAnswers('demand', questions, {
      title: ' 水泥需求 ',
      goods: { category: 'cement', quantity: 5000, unit: '吨', region: '630100', deliveryFrom: dayjs('2027-03-01'), deliveryTo: null },
      questions: { q1: ' 西宁保障房 ', q2: [] },
    });
    expect(answers).toEqual({
      listing: {
        title: '水泥需求',
        goods: {
          category: 'cement',
          quantity: 5000,
          unit: '吨',
          region: '630100',
          priceMin: null,
          priceMax: null,
          deliveryFrom: '2027-03-01',
          deliveryTo: null,
        },
      },
      questions: { q1: '西宁保障房' },
    });
  });

  it('keeps financing amounts in yuan on the wire and 万元 in the form', () => {
    const answers = toAnswers('financing_need', [], { financing: { amount: 3000, termMonths: 24, purpose: 'project', guaranteeNeeded: true } });
    expect(answers.listing?.financing).toEqual({ amount: 30_000_000, termMonths: 24, purpose: 'project', guaranteeNeeded: true });
    expect(fromAnswers(answers).financing?.amount).toBe(3000);
  });

  it('collects no listing for a survey of free questions only', () => {
    expect(toAnswers(null, questions, { questions: { q1: 'x' } })).toEqual({ questions: { q1: 'x' } });
  });

  it('maps the API’s answer fields onto the form’s, and numbers new questions after the last free one', () => {
    const aliases = answerAliases(questions);
    expect(aliases['answers.listing.goods.quantity']).toEqual(['goods', 'quantity']);
    expect(aliases['answers.questions.q2']).toEqual(['questions', 'q2']);
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q2');
  });
});

import type { SurveyQuestion } from '@duijie/shared';
import { answerProblems, draftAnswerProblems, questionProblems } from './survey-rules';

const questions: SurveyQuestion[] = [
  { id: 'q1', label: '项目名称', type: 'text', required: true },
  { id: 'q2', label: '计划投资', type: 'number', required: false, unit: '万元' },
  { id: 'q3', label: '需求时段', type: 'choice', required: true, options: ['上半年', '下半年'] },
  { id: 'q4', label: '运输方式', type: 'choice', required: false, multiple: true, options: ['铁路', '公路'] },
];
const goods = { category: 'cement', quantity: 5000, unit: '吨', region: '630100' };

describe('survey answers against their survey', () => {
  it('finds nothing wrong with complete answers', () => {
    expect(
      answerProblems({ listingType: 'demand', questions }, { listing: { goods }, questions: { q1: '西宁保障房', q2: 1200, q3: '上半年', q4: ['铁路'] } }),
    ).toEqual([]);
  });

  it('names each field that is missing or wrong, with the question label', () => {
    const problems = answerProblems(
      { listingType: 'demand', questions },
      { listing: { goods: { ...goods, quantity: -1 } }, questions: { q2: 'many', q3: '全年', q4: ['水运'], q9: 1 } },
    );
    expect(problems.map((p) => p.field)).toEqual([
      'answers.listing.goods.quantity',
      'answers.questions.q9',
      'answers.questions.q1',
      'answers.questions.q2',
      'answers.questions.q3',
      'answers.questions.q4',
    ]);
    expect(problems.find((p) => p.field === 'answers.questions.q1')?.message).toBe('项目名称: is required');
  });

  it('requires the listing part of the survey’s type, and refuses another type’s part', () => {
    expect(answerProblems({ listingType: 'financing_need', questions: [] }, {}).map((p) => p.field)).toEqual(['answers.listing']);
    expect(answerProblems({ listingType: 'financing_need', questions: [] }, { listing: { goods } }).map((p) => p.field)).toEqual([
      'answers.listing.goods',
      'answers.listing.financing',
    ]);
    expect(answerProblems({ listingType: null, questions: [] }, { listing: { goods } }).map((p) => p.field)).toEqual(['answers.listing']);
  });

  it('lets a draft be incomplete or break a rule its filing checks, but not hold another type or another survey’s fields', () => {
    const survey = { listingType: 'demand' as const, questions };
    expect(draftAnswerProblems(survey, {})).toEqual([]);
    expect(draftAnswerProblems(survey, { listing: { goods: { quantity: -1, priceMin: null } as never }, questions: { q2: 0, q4: ['水运'] } })).toEqual([]);
    const problems = draftAnswerProblems(survey, {
      listing: { goods: { quantity: 'many', region: ['630100'], colour: 'red' } } as never,
      questions: { q1: 5, q2: '1', q3: { a: 1 }, q9: 'x' } as never,
    });
    expect(problems.map((p) => p.field)).toEqual([
      'answers.listing.goods.quantity',
      'answers.listing.goods.region',
      'answers.listing.goods.colour',
      'answers.questions.q1',
      'answers.questions.q2',
      'answers.questions.q3',
      'answers.questions.q9',
    ]);
    expect(draftAnswerProblems({ listingType: null, questions }, { listing: { title: 'x' } }).map((p) => p.field)).toEqual(['answers.listing']);
  });

  it('refuses repeated question ids and options on a non-choice question', () => {
    expect(questionProblems([questions[0], { ...questions[1], id: 'q1', options: ['a', 'b'] }])).toEqual([
      { field: 'questions.1.id', message: 'repeats q1' },
      { field: 'questions.1.options', message: 'only a choice question has options' },
    ]);
  });
});

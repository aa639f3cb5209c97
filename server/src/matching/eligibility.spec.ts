// Eligibility before ranking: a bank product's and a guarantee's stated conditions are hard
// rules (an ineligible pair is never recommended, and says why); collateral is read by one
// parser and the guarantor that fits is proposed when the bank needs security.
import { collateralOffered } from '@duijie/shared';
import { MatchIndex } from './match-index';
import { factorsOf, ineligibilityOf, needSecurityText, pairScore, scoreOf, securityFor, type MatchItem } from './scoring';
import { credit, guarantee, need, noGuarantor, OPTIONS } from '../testing/match-items';

const withGuarantor = () => true;
/** The sentences (Chinese) of why a pair is ineligible; [] when eligible. */
const why = (a: MatchItem, b: MatchItem, guarantorFor = noGuarantor) => ineligibilityOf(a, b, guarantorFor)!.map((t) => t.zh);
const eligible = (a: MatchItem, b: MatchItem, guarantorFor = noGuarantor) => {
  const score = pairScore(a, b, OPTIONS, guarantorFor);
  const fits = factorsOf(a, b, OPTIONS, guarantorFor);
  // The fast path, the explained one and the reasons always agree.
  expect(score).toBe(fits ? scoreOf(fits) : -1);
  expect(ineligibilityOf(a, b, guarantorFor)!.length === 0).toBe(fits !== null);
  return score > 0;
};

describe('a credit product’s limits', () => {
  it('refuses an amount below the smallest loan, above the largest, or above the line, saying which', () => {
    expect(eligible(need({ amount: 10_000_000 }), credit())).toBe(true);
    expect(eligible(need({ amount: 100_000_000 }), credit())).toBe(true);
    const small = need({ amount: 500_000 });
    const product = credit({ amountMin: 1_000_000 });
    expect(eligible(small, product)).toBe(false);
    expect(why(small, product)).toEqual(['融资额 50万元 低于单笔下限 100万元']);
    expect(ineligibilityOf(small, product, noGuarantor)![0].en).toBe('50万元 is below the per-loan minimum of 100万元');
    expect(why(need({ amount: 200_000_000 }), credit())).toEqual(['融资额 20000万元 高于单笔上限 10000万元']);
    expect(why(need({ amount: 50_000_000 }), credit({ totalLine: 25_000_000 }))).toEqual(['融资额 5000万元 超过授信总额 2500万元']);
  });

  it('refuses a term outside the product’s range, either side', () => {
    expect(eligible(need({ termMonths: 12 }), credit())).toBe(true);
    expect(eligible(need({ termMonths: 60 }), credit())).toBe(true);
    expect(why(need({ termMonths: 6 }), credit())).toEqual(['期限 6 个月短于最短期限 12 个月']);
    expect(why(need({ termMonths: 120 }), credit())).toEqual(['期限 120 个月长于最长期限 60 个月']);
  });

  it('refuses an enterprise of a size the product does not serve; no sizes listed serves all', () => {
    expect(eligible(need({}, { orgSize: 'small' }), credit({ targetSizes: ['small', 'micro'] }))).toBe(true);
    expect(eligible(need({}, { orgSize: 'large' }), credit({ targetSizes: [] }))).toBe(true);
    expect(why(need({}, { orgSize: 'medium' }), credit({ targetSizes: ['small', 'micro'] }))).toEqual(['企业规模（中型）不在产品面向的规模（小型、微型）之内']);
  });

  it('serves the enterprise’s division, or its section when a target is a bare section letter, and nothing else', () => {
    const steelMaker = need({}, { orgIndustry: 'C31' });
    expect(eligible(steelMaker, credit({ targetIndustries: ['C31', 'D44'] }))).toBe(true);
    expect(eligible(steelMaker, credit({ targetIndustries: ['C'] }))).toBe(true);
    expect(eligible(steelMaker, credit({ targetIndustries: [] }))).toBe(true);
    // Another division of the same section is not served.
    expect(why(steelMaker, credit({ targetIndustries: ['C26', 'A'] }))).toEqual([
      '企业所在行业 C31（黑色金属冶炼和压延加工业） 不在产品面向的行业（C26、A）之内',
    ]);
    // Soft among the eligible: the named division first, then the section or an open product.
    const industry = (targets: string[]) =>
      factorsOf(steelMaker, credit({ targetIndustries: targets }), OPTIONS, noGuarantor)!.find((f) => f.factor === 'industry')!;
    expect(industry(['C31']).fit).toBe(1);
    expect(industry(['C']).fit).toBe(0.8);
    expect(industry([]).fit).toBe(0.8);
  });

  it('never recommends the pair of the issue (too small, too short, wrong size), but shows it to an organiser as a near miss', () => {
    const n = need({ amount: 500_000, termMonths: 3, collateral: '厂房' }, { orgSize: 'medium' });
    const product = credit({ amountMin: 1_000_000, termMinMonths: 12, targetSizes: ['small', 'micro'], guaranteeRequirement: 'collateral' });
    const index = new MatchIndex(OPTIONS, [n, product]);
    expect(index.top(n, 10)).toEqual([]);
    expect(index.top(product, 10)).toEqual([]);
    const [miss] = index.nearMisses(n, 10);
    expect(miss.item.id).toBe(product.id);
    expect(miss.reasons.map((r) => r.zh)).toEqual([
      '融资额 50万元 低于单笔下限 100万元',
      '期限 3 个月短于最短期限 12 个月',
      '企业规模（中型）不在产品面向的规模（小型、微型）之内',
    ]);
  });

  it('lists near misses fewest broken rules first, and none for an eligible counterpart or for goods', () => {
    const n = need({ amount: 500_000, termMonths: 36 });
    const one = credit({ amountMin: 1_000_000 });
    const two = credit({ amountMin: 1_000_000, termMaxMonths: 24 });
    const fine = credit({ amountMin: 100_000 });
    const index = new MatchIndex(OPTIONS, [n, two, one, fine]);
    expect(index.top(n, 10).map((r) => r.item.id)).toEqual([fine.id]);
    expect(index.nearMisses(n, 10).map((m) => m.item.id)).toEqual([one.id, two.id]);
    expect(index.nearMisses(n, 1).map((m) => m.item.id)).toEqual([one.id]);
  });
});

describe('a guarantee product’s limits', () => {
  it('refuses a need its capacity does not cover, an enterprise size or an industry it does not serve', () => {
    expect(eligible(need({ amount: 50_000_000 }), guarantee({ capacity: 50_000_000 }))).toBe(true);
    expect(why(need({ amount: 60_000_000 }), guarantee({ capacity: 50_000_000 }))).toEqual(['担保能力 5000万元 不足以覆盖融资额 6000万元']);
    expect(why(need({}, { orgSize: 'large' }), guarantee({ targetSizes: ['small', 'micro'] }))).toEqual([
      '企业规模（大型）不在产品面向的规模（小型、微型）之内',
    ]);
    expect(eligible(need({}, { orgSize: 'small' }), guarantee({ targetSizes: ['small', 'micro'] }))).toBe(true);
    expect(eligible(need(), guarantee({ targetSizes: [] }))).toBe(true);
    expect(why(need({}, { orgIndustry: 'C31' }), guarantee({ targetIndustries: ['A01'] }))).toHaveLength(1);
  });
});

describe('security: collateral read by one parser, 需要担保 used, the fitting guarantor proposed', () => {
  it.each(['无', '没有', '暂无', '无抵押', 'none', '-', '', undefined])(
    'reads collateral %j as none, so a bank asking for collateral needs a guarantor',
    (collateral) => {
      const n = need({ collateral });
      const bank = credit({ guaranteeRequirement: 'collateral' });
      expect(securityFor(n, bank, noGuarantor)).toBe('unmet');
      expect(why(n, bank)).toEqual(['银行要求抵押，企业未提供抵押物，且活动中暂无合适的担保机构']);
      expect(securityFor(n, bank, withGuarantor)).toBe('guarantor');
      const security = factorsOf(n, bank, OPTIONS, withGuarantor)!.find((f) => f.factor === 'security')!;
      expect(security.fit).toBe(0.8);
      expect(security.zh).toBe('银行要求抵押，企业未提供抵押物，由担保机构增信（三方组合）');
    },
  );

  it('uses the collateral offered when the bank accepts it and the enterprise does not ask for a guarantee', () => {
    const n = need({ collateral: '厂房设备' });
    for (const requirement of ['collateral', 'collateral_or_guarantee'] as const) {
      const bank = credit({ guaranteeRequirement: requirement });
      expect(securityFor(n, bank, noGuarantor)).toBe('collateral');
      expect(factorsOf(n, bank, OPTIONS, noGuarantor)!.find((f) => f.factor === 'security')!.fit).toBe(1);
    }
    expect(factorsOf(n, credit({ guaranteeRequirement: 'collateral' }), OPTIONS, noGuarantor)!.find((f) => f.factor === 'security')!.zh).toBe(
      '银行要求抵押，企业可提供抵押物',
    );
  });

  it('takes collateral the bank accepts, with the guarantor beside it when the enterprise says 需要担保; a guarantee the bank asks for only from a guarantor', () => {
    const asks = need({ collateral: '厂房设备', guaranteeNeeded: true });
    expect(securityFor(asks, credit({ guaranteeRequirement: 'collateral' }), noGuarantor)).toBe('collateral');
    expect(securityFor(asks, credit({ guaranteeRequirement: 'collateral_or_guarantee' }), withGuarantor)).toBe('collateral_and_guarantor');
    expect(securityFor(need({ collateral: '无', guaranteeNeeded: true }), credit({ guaranteeRequirement: 'collateral' }), noGuarantor)).toBe('unmet');
    expect(securityFor(need({ collateral: '无', guaranteeNeeded: true }), credit({ guaranteeRequirement: 'collateral' }), withGuarantor)).toBe('guarantor');
    expect(securityFor(need(), credit({ guaranteeRequirement: 'guarantee' }), noGuarantor)).toBe('unmet');
    expect(securityFor(need(), credit({ guaranteeRequirement: 'guarantee' }), withGuarantor)).toBe('guarantor');
    // An unsecured product needs nothing, whatever the need says.
    expect(securityFor(asks, credit({ guaranteeRequirement: 'none' }), noGuarantor)).toBe('unsecured');
    expect(securityFor(need({ collateral: '无' }), credit({ guaranteeRequirement: 'none' }), noGuarantor)).toBe('unsecured');
  });

  it('proposes the best guarantor that covers the amount and serves the enterprise’s industry and size', () => {
    const n = need({ amount: 50_000_000, collateral: '无', guaranteeNeeded: true }, { orgIndustry: 'C31', orgSize: 'small' });
    const bank = credit({ guaranteeRequirement: 'collateral' });
    const tooSmall = guarantee({ capacity: 40_000_000, targetIndustries: ['C31'] });
    const wrongSize = guarantee({ capacity: 90_000_000, targetIndustries: ['C31'], targetSizes: ['large'] });
    const wrongIndustry = guarantee({ capacity: 90_000_000, targetIndustries: ['A01'] });
    const open = guarantee({ capacity: 90_000_000 });
    const targeted = guarantee({ capacity: 90_000_000, targetIndustries: ['C31'], targetSizes: ['small', 'micro'] });
    expect(new MatchIndex(OPTIONS, [n, bank, tooSmall, wrongSize, wrongIndustry]).guarantorFor(n)).toBeNull();
    expect(new MatchIndex(OPTIONS, [n, bank, tooSmall, wrongSize, wrongIndustry]).top(n, 10)).toEqual([]);
    const index = new MatchIndex(OPTIONS, [n, bank, tooSmall, wrongSize, wrongIndustry, open, targeted]);
    expect(index.guarantorFor(n)?.id).toBe(targeted.id);
    expect(index.top(n, 10).map((r) => r.item.id)).toEqual([targeted.id, open.id, bank.id]);
    // Its own guarantee offer is not a third party.
    const own = guarantee({ capacity: 90_000_000 }, { organisationId: n.organisationId });
    expect(new MatchIndex(OPTIONS, [n, bank, own]).guarantorFor(n)).toBeNull();
  });

  it('gives every match of a need the same answer about its collateral and guarantee', () => {
    const requirements = ['none', 'collateral', 'guarantee', 'collateral_or_guarantee'] as const;
    const offers = [
      ...requirements.map((r) => credit({ guaranteeRequirement: r })),
      ...requirements.map((r) => credit({ guaranteeRequirement: r, amountMin: 90_000_000 })),
      guarantee({ capacity: 80_000_000 }),
      guarantee({ capacity: 10_000_000 }),
    ];
    for (const collateral of ['厂房设备', '无', '', '暂无', 'none', '土地使用权抵押']) {
      for (const guaranteeNeeded of [false, true]) {
        const n = need({ collateral, guaranteeNeeded });
        for (const guarantorFor of [noGuarantor, withGuarantor]) {
          const texts = offers.flatMap((offer) => [
            ...(factorsOf(n, offer, OPTIONS, guarantorFor) ?? []).filter((f) => f.factor === 'security' || f.factor === 'wants_guarantee').map((f) => f.zh),
            ...why(n, offer, guarantorFor),
          ]);
          const said = new Set(texts.flatMap((t) => t.match(/企业(可提供|未提供)抵押物/g) ?? []));
          expect([...said]).toEqual([collateralOffered(collateral) ? '企业可提供抵押物' : '企业未提供抵押物']);
          // Every sentence about the need's security says the same one thing.
          for (const t of texts.filter((x) => x.includes('抵押物'))) expect(t).toContain(needSecurityText(n.financing!).zh);
          expect(texts.some((t) => t.includes('需要担保'))).toBe(guaranteeNeeded);
        }
      }
    }
  });
});

// The chain's direction: an edge [X, Y] of CHAIN_EDGES says X is an input of Y. For every edge,
// both ways: who is shown whom, how it is labelled, and that the reverse never happens.
import { CHAIN_EDGES, SESSION_KINDS, type SessionKind } from '@duijie/shared';
import { bruteForceTop, MatchIndex } from './match-index';
import { chainBound, factorsOf, goodsRelation, pairScore, scoreOf } from './scoring';
import { goods, listingOf, noGuarantor, OPTIONS } from '../testing/match-items';

const GOODS_SESSIONS = SESSION_KINDS.filter((k) => k !== 'bank_enterprise');
const OTHER_THAN_CHAIN: SessionKind[] = GOODS_SESSIONS.filter((k) => k !== 'upstream_downstream');

describe('the chain graph', () => {
  it('has no edge both ways and no edge from a product to itself, so every relation has one direction', () => {
    const keys = new Set(CHAIN_EDGES.map(([x, y]) => `${x}>${y}`));
    for (const [x, y] of CHAIN_EDGES) {
      expect(x).not.toBe(y);
      expect(keys.has(`${y}>${x}`)).toBe(false);
    }
  });
});

describe.each(CHAIN_EDGES.map(([x, y]) => [x, y]))('the edge %s → %s', (input, output) => {
  it('(a) trades each product directly, supply ↔ demand, in every goods session', () => {
    for (const kind of GOODS_SESSIONS) {
      for (const category of [input, output]) {
        const supply = listingOf('supply', category, kind);
        const demand = listingOf('demand', category, kind);
        expect(goodsRelation(supply, demand)).toBe('direct');
        expect(goodsRelation(demand, supply)).toBe('direct');
        expect(pairScore(demand, supply, OPTIONS, noGuarantor)).toBeGreaterThan(chainBound(OPTIONS));
      }
    }
  });

  it('(b) shows the input’s supplier the output’s makers as prospective buyers, and them the supplier, in any session', () => {
    for (const kind of GOODS_SESSIONS) {
      const maker = listingOf('supply', input, kind);
      const buyer = listingOf('supply', output, kind);
      expect(goodsRelation(maker, buyer)).toBe('prospective_buyer');
      expect(goodsRelation(buyer, maker)).toBe('prospective_supplier');
      const toBuyer = factorsOf(maker, buyer, OPTIONS, noGuarantor)!;
      expect(toBuyer[0].zh).toMatch(/^潜在买方：以.+为原料生产.+$/);
      expect(toBuyer[0].en).toMatch(/^Prospective buyer: makes .+ from .+$/);
      expect(factorsOf(buyer, maker, OPTIONS, noGuarantor)![0].zh).toMatch(/^潜在供应方：/);
      // Only what is comparable between two products counts: the relation, the distance, local priority.
      expect(toBuyer.map((f) => f.factor)).toEqual(['product', 'distance']);
      const score = pairScore(maker, buyer, OPTIONS, noGuarantor);
      expect(score).toBe(scoreOf(toBuyer));
      expect(score).toBeLessThanOrEqual(chainBound(OPTIONS));
      expect(pairScore(buyer, maker, OPTIONS, noGuarantor)).toBe(score);
    }
  });

  it('(c) shows a demand for the output the input’s suppliers only when the demand’s session is chain cooperation', () => {
    for (const supplyKind of GOODS_SESSIONS) {
      const supplier = listingOf('supply', input, supplyKind);
      const chainDemand = listingOf('demand', output, 'upstream_downstream');
      expect(goodsRelation(chainDemand, supplier)).toBe('chain_cooperation');
      expect(goodsRelation(supplier, chainDemand)).toBe('chain_cooperation');
      const fits = factorsOf(chainDemand, supplier, OPTIONS, noGuarantor)!;
      expect(fits[0].zh).toMatch(/^产业链协作：.+是.+的上游原料$/);
      expect(factorsOf(supplier, chainDemand, OPTIONS, noGuarantor)![0].zh).toBe(fits[0].zh);
      expect(pairScore(chainDemand, supplier, OPTIONS, noGuarantor)).toBeLessThanOrEqual(chainBound(OPTIONS));
      // Not because the supply's session is upstream–downstream: only the demand's purpose counts.
      for (const kind of OTHER_THAN_CHAIN) {
        const demand = listingOf('demand', output, kind);
        expect(goodsRelation(demand, supplier)).toBeNull();
        expect(goodsRelation(supplier, demand)).toBeNull();
        expect(pairScore(demand, supplier, OPTIONS, noGuarantor)).toBe(-1);
      }
    }
  });

  it('never offers a demand for the input a supply of the output, in any session', () => {
    for (const demandKind of GOODS_SESSIONS) {
      for (const supplyKind of GOODS_SESSIONS) {
        const demand = listingOf('demand', input, demandKind);
        const downstream = listingOf('supply', output, supplyKind);
        expect(goodsRelation(demand, downstream)).toBeNull();
        expect(goodsRelation(downstream, demand)).toBeNull();
        expect(factorsOf(demand, downstream, OPTIONS, noGuarantor)).toBeNull();
      }
    }
  });

  it('finds the same counterparts through the index as by scoring every listing', () => {
    const supplier = listingOf('supply', input, 'upstream_downstream');
    const maker = listingOf('supply', output, 'producer_distributor');
    const chainDemand = listingOf('demand', output, 'upstream_downstream');
    const otherDemand = listingOf('demand', output, 'building_materials');
    const inputDemand = listingOf('demand', input, 'upstream_downstream');
    const all = [supplier, maker, chainDemand, otherDemand, inputDemand];
    const index = new MatchIndex(OPTIONS, all);
    const ids = (item: (typeof all)[number]) => index.top(item, 10).map((r) => r.item.id);
    expect(ids(supplier).sort()).toEqual([maker.id, chainDemand.id, inputDemand.id].sort());
    expect(ids(maker).sort()).toEqual([supplier.id, chainDemand.id, otherDemand.id].sort());
    expect(ids(chainDemand).sort()).toEqual([supplier.id, maker.id].sort());
    expect(ids(otherDemand)).toEqual([maker.id]);
    expect(ids(inputDemand)).toEqual([supplier.id]);
    for (const item of all) expect(index.top(item, 10)).toEqual(bruteForceTop(all, item, 10, OPTIONS));
  });
});

describe('what was seen in the issue', () => {
  it('does not offer a builder’s rebar demand iron ore concentrate from an upstream–downstream session', () => {
    const rebar = goods('demand', { category: 'rebar' }, { sessionKind: 'building_materials' });
    const ore = goods('supply', { category: 'iron_ore_concentrate' }, { sessionKind: 'upstream_downstream' });
    expect(pairScore(rebar, ore, OPTIONS, noGuarantor)).toBe(-1);
    expect(new MatchIndex(OPTIONS, [rebar, ore]).top(rebar, 10)).toEqual([]);
  });

  it('ranks a good direct trade above every chain suggestion', () => {
    const demand = goods('demand', { category: 'steel' }, { sessionKind: 'upstream_downstream' });
    const direct = goods('supply', { category: 'steel', region: '440100', priceMin: 4200, priceMax: 4400 });
    const ore = goods('supply', { category: 'iron_ore_concentrate' }, { inProvince: true });
    const ranked = new MatchIndex(OPTIONS, [demand, direct, ore]).top(demand, 10);
    expect(ranked.map((r) => r.item.id)).toEqual([direct.id, ore.id]);
    expect(ranked[0].score).toBeGreaterThanOrEqual(50);
  });
});

describe('traders along a chain', () => {
  it('are never proposed as makers: a trader of steel is no buyer of iron ore, and chain cooperation names makers of the input only', () => {
    const trader = (type: 'supply' | 'demand', category: string) => ({ ...listingOf(type, category, 'upstream_downstream'), maker: false });
    const ore = listingOf('supply', 'iron_ore_concentrate', 'upstream_downstream');
    const steel = listingOf('supply', 'steel', 'upstream_downstream');
    expect(goodsRelation(ore, trader('supply', 'steel'))).toBeNull();
    expect(goodsRelation(trader('supply', 'iron_ore_concentrate'), steel)).toBe('prospective_buyer');
    // A trader may sell the input to its maker's customer: the steel maker sees the ore trader as a supplier.
    expect(goodsRelation(steel, trader('supply', 'iron_ore_concentrate'))).toBe('prospective_supplier');
    expect(goodsRelation(listingOf('demand', 'steel', 'upstream_downstream'), trader('supply', 'iron_ore_concentrate'))).toBeNull();
    // Trading the product itself is what traders do.
    expect(goodsRelation(listingOf('demand', 'steel', 'upstream_downstream'), trader('supply', 'steel'))).toBe('direct');
  });
});

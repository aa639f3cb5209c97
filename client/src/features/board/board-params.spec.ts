import { describe, expect, it } from 'vitest';
import { session, totals } from '../../test/fixtures';
import { boardTypes, DEFAULT_PAGE_SIZE, newerSession, readBoardParams, withParams } from './board-params';

const read = (query: string) => readBoardParams(new URLSearchParams(query), ['financing_need', 'credit_offer', 'guarantee_offer']);

describe('readBoardParams', () => {
  it('shows the first tab, open listings, first page by default', () => {
    expect(read('')).toEqual({
      activeType: 'financing_need',
      filters: { category: undefined, q: undefined, status: 'open' },
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('takes the tab, filters and paging from the URL', () => {
    expect(read('type=credit_offer&q=贷款&status=withdrawn&page=3&pageSize=50')).toEqual({
      activeType: 'credit_offer',
      filters: { category: undefined, q: '贷款', status: 'withdrawn' },
      page: 3,
      pageSize: 50,
    });
  });

  it('reads status=all as the open board without a status filter', () => {
    expect(read('status=all').filters.status).toBeUndefined();
  });

  it('falls back on the defaults for values it does not know', () => {
    const params = read('type=lottery&status=deleted&page=-4&pageSize=abc');
    expect(params.activeType).toBe('financing_need');
    expect(params.filters.status).toBe('open');
    expect(params.page).toBe(1);
    expect(params.pageSize).toBe(DEFAULT_PAGE_SIZE);
  });
});

describe('withParams', () => {
  it('sets given values and removes empty or undefined ones, leaving the rest', () => {
    const next = withParams(new URLSearchParams('type=supply&category=steel&page=4'), { category: undefined, q: '', page: '1', status: 'all' });
    expect(next.toString()).toBe('type=supply&page=1&status=all');
  });
});

describe('boardTypes', () => {
  it('lists the types the session’s roles post, in the usual order', () => {
    expect(boardTypes(session({ kind: 'upstream_downstream' }), undefined)).toEqual(['supply', 'demand']);
  });

  it('adds a type that has listings even if no role posts it', () => {
    const byType = { supply: 0, demand: 0, financing_need: 2, credit_offer: 0, guarantee_offer: 0 };
    expect(boardTypes(session({ kind: 'upstream_downstream' }), totals({ byType }))).toEqual(['supply', 'demand', 'financing_need']);
  });
});

describe('newerSession', () => {
  it('prefers the copy with the higher version, the live one on a tie', () => {
    const live = session({ version: 3, title: 'live' });
    const fetched = session({ version: 4, title: 'fetched' });
    expect(newerSession(live, fetched)).toBe(fetched);
    expect(newerSession(session({ version: 5 }), fetched)?.version).toBe(5);
    expect(newerSession(live, session({ version: 3, title: 'fetched' }))).toBe(live);
    expect(newerSession(undefined, fetched)).toBe(fetched);
    expect(newerSession(live, undefined)).toBe(live);
  });
});

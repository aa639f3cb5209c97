import type { GoodsFields } from '@duijie/shared';
import type { ListingEntity } from './listing.entity';
import { listingCreatedAudit, newListingRow } from './listing.rows';

const goods: GoodsFields = {
  category: 'steel',
  quantity: 100,
  unit: '吨',
  priceMin: null,
  priceMax: null,
  deliveryFrom: null,
  deliveryTo: null,
  region: '630100',
};
const ids = { sessionId: 's1', eventId: 'e1', organisationId: 'o1', userId: 'u1' };

describe('listing rows', () => {
  it('builds an open listing at version 1 with only its own part, copied', () => {
    const row = newListingRow({ type: 'supply', title: '钢材', goods }, ids);
    expect(row).toEqual({
      sessionId: 's1',
      eventId: 'e1',
      organisationId: 'o1',
      type: 'supply',
      title: '钢材',
      description: '',
      status: 'open',
      version: 1,
      goods,
      financing: null,
      credit: null,
      guarantee: null,
      confidential: null,
      createdByUserId: 'u1',
      updatedByUserId: 'u1',
    });
    expect(row.goods).not.toBe(goods);
  });

  it('keeps the description and a copy of the confidential part', () => {
    const confidential = { notes: '内部条款', annualRevenue: 1_000_000 };
    const financing = { amount: 5_000_000, termMonths: 12, purpose: 'working_capital' as const, guaranteeNeeded: false };
    const row = newListingRow({ type: 'financing_need', title: 't', description: 'd', financing, confidential }, ids);
    expect(row).toMatchObject({ description: 'd', financing, goods: null, confidential });
    expect(row.confidential).not.toBe(confidential);
  });

  it('audits the creation with the part of its type, plus what the caller adds', () => {
    const listing = { id: 'l1', ...newListingRow({ type: 'supply', title: '钢材', goods }, ids) } as ListingEntity;
    expect(listingCreatedAudit(listing)).toEqual({
      actorUserId: 'u1',
      action: 'listing.created',
      entityType: 'listing',
      entityId: 'l1',
      data: { version: 1, sessionId: 's1', type: 'supply', title: '钢材', goods },
    });
    expect(listingCreatedAudit(listing, { importJobId: 'j1' }).data).toEqual({
      version: 1,
      sessionId: 's1',
      type: 'supply',
      title: '钢材',
      goods,
      importJobId: 'j1',
    });
  });
});

import type { OrganisationInput } from '@duijie/shared';
import { newOrganisationRow, organisationCreatedAudit } from './organisation.rows';

const input: OrganisationInput = {
  name: '某公司',
  creditCode: '91630100MA7XQ3RD0H',
  kind: 'enterprise',
  industry: 'C31',
  region: '630100',
  size: 'large',
  contactName: '张伟',
  contactPhone: '0971-1234567',
};

describe('organisation rows', () => {
  it('builds a row of exactly the input’s fields and the status', () => {
    expect(newOrganisationRow({ ...input, adminEmail: 'a@example.com' } as OrganisationInput, 'pending')).toEqual({
      ...input,
      status: 'pending',
      rejectReason: null,
    });
  });

  it('audits an approved organisation as created and a pending one as registered, plus what the caller adds', () => {
    const row = { id: 'o1', ...newOrganisationRow(input, 'approved') };
    expect(organisationCreatedAudit(row, 'u1', { importJobId: 'j1' })).toEqual({
      actorUserId: 'u1',
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: 'o1',
      data: { name: '某公司', creditCode: '91630100MA7XQ3RD0H', kind: 'enterprise', importJobId: 'j1' },
    });
    expect(organisationCreatedAudit({ ...row, status: 'pending' }, null)).toEqual({
      actorUserId: null,
      action: 'organisation.registered',
      entityType: 'organisation',
      entityId: 'o1',
      data: { name: '某公司', creditCode: '91630100MA7XQ3RD0H', kind: 'enterprise' },
    });
  });
});

import { postingRoles, roleFitsOrganisation, roleFitsSession, roleMayPost, roleProblems } from './participation-rules';

describe('participation rules', () => {
  it('finds nothing wrong with a role of the session taken by an organisation of a kind it allows', () => {
    expect(roleProblems('bank_enterprise', 'bank', 'lender')).toEqual([]);
    expect(roleProblems('upstream_downstream', 'enterprise', 'supplier')).toEqual([]);
  });

  it('names a role the session kind does not have, with the roles it has', () => {
    expect(roleProblems('bank_enterprise', 'enterprise', 'supplier')).toEqual([
      { field: 'role', message: 'a bank_enterprise session has the roles borrower, lender, guarantor' },
    ]);
  });

  it('names an organisation kind the role does not allow in that session, with the kinds it does', () => {
    expect(roleProblems('bank_enterprise', 'enterprise', 'lender')).toEqual([
      { field: 'role', message: 'a enterprise organisation cannot take the role lender in a bank_enterprise session (open to bank, microlender)' },
    ]);
  });

  it('names only the session when the role is not one of the session kind (who may take it depends on the session)', () => {
    expect(roleProblems('building_materials', 'bank', 'supplier').map((p) => p.message)).toEqual([
      'a building_materials session has the roles producer, builder',
    ]);
  });

  it('lets a trader (distributor) supply in upstream–downstream and building-material sessions', () => {
    expect(roleProblems('upstream_downstream', 'distributor', 'supplier')).toEqual([]);
    expect(roleProblems('building_materials', 'distributor', 'producer')).toEqual([]);
    expect(roleFitsOrganisation('upstream_downstream', 'distributor', 'supplier')).toBe(true);
    expect(roleFitsOrganisation('building_materials', 'distributor', 'producer')).toBe(true);
  });

  it('keeps the producer–distributor session as the seed defines it', () => {
    expect(roleProblems('producer_distributor', 'distributor', 'producer')).toEqual([
      { field: 'role', message: 'a distributor organisation cannot take the role producer in a producer_distributor session (open to enterprise)' },
    ]);
    expect(roleProblems('producer_distributor', 'enterprise', 'distributor').map((p) => p.message)).toEqual([
      'a enterprise organisation cannot take the role distributor in a producer_distributor session (open to distributor)',
    ]);
    expect(roleProblems('producer_distributor', 'distributor', 'distributor')).toEqual([]);
    expect(roleProblems('producer_distributor', 'enterprise', 'producer')).toEqual([]);
  });

  it('still refuses a construction unit or a bank as supplier, and a trader as builder', () => {
    expect(roleFitsOrganisation('upstream_downstream', 'construction_unit', 'supplier')).toBe(false);
    expect(roleFitsOrganisation('upstream_downstream', 'bank', 'supplier')).toBe(false);
    expect(roleFitsOrganisation('building_materials', 'construction_unit', 'producer')).toBe(false);
    expect(roleFitsOrganisation('building_materials', 'distributor', 'builder')).toBe(false);
  });

  it('answers the single questions the import and posting ask', () => {
    expect(roleFitsSession('producer_distributor', 'distributor')).toBe(true);
    expect(roleFitsSession('producer_distributor', 'builder')).toBe(false);
    expect(roleFitsOrganisation('upstream_downstream', 'distributor', 'buyer')).toBe(true);
    expect(roleFitsOrganisation('upstream_downstream', 'bank', 'buyer')).toBe(false);
    expect(roleMayPost('lender', 'credit_offer')).toBe(true);
    expect(roleMayPost('lender', 'financing_need')).toBe(false);
  });

  it('gives the roles of a session kind in which a listing type can be posted', () => {
    expect(postingRoles('upstream_downstream', 'demand')).toEqual(['buyer']);
    expect(postingRoles('building_materials', 'demand')).toEqual(['builder']);
    expect(postingRoles('bank_enterprise', 'supply')).toEqual([]);
  });
});

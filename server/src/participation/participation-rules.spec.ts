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

  it('names an organisation kind the role does not allow', () => {
    expect(roleProblems('bank_enterprise', 'enterprise', 'lender')).toEqual([
      { field: 'role', message: 'a enterprise organisation cannot take the role lender' },
    ]);
  });

  it('lists both when both are wrong, the session first', () => {
    expect(roleProblems('building_materials', 'bank', 'supplier').map((p) => p.message)).toEqual([
      'a building_materials session has the roles producer, builder',
      'a bank organisation cannot take the role supplier',
    ]);
  });

  it('answers the single questions the import and posting ask', () => {
    expect(roleFitsSession('producer_distributor', 'distributor')).toBe(true);
    expect(roleFitsSession('producer_distributor', 'builder')).toBe(false);
    expect(roleFitsOrganisation('distributor', 'buyer')).toBe(true);
    expect(roleFitsOrganisation('bank', 'buyer')).toBe(false);
    expect(roleMayPost('lender', 'credit_offer')).toBe(true);
    expect(roleMayPost('lender', 'financing_need')).toBe(false);
  });

  it('gives the roles of a session kind in which a listing type can be posted', () => {
    expect(postingRoles('upstream_downstream', 'demand')).toEqual(['buyer']);
    expect(postingRoles('building_materials', 'demand')).toEqual(['builder']);
    expect(postingRoles('bank_enterprise', 'supply')).toEqual([]);
  });
});

import {
  ORGANISATION_KINDS,
  ORGANISATION_KINDS_BY_SESSION_ROLE,
  PARTICIPANT_ROLES,
  ROLES_BY_SESSION_KIND,
  SESSION_KINDS,
  organisationKindsFor,
  rolesFor,
  type OrganisationKind,
  type ParticipantRole,
  type SessionKind,
} from './domain';

// Every session kind × role × organisation kind the rule admits, written out so that a change
// to who may take part shows here as a diff. Anything not listed is refused.
const ADMITTED: Record<SessionKind, Partial<Record<ParticipantRole, OrganisationKind[]>>> = {
  bank_enterprise: {
    borrower: ['enterprise', 'distributor', 'construction_unit'],
    lender: ['bank', 'microlender'],
    guarantor: ['guarantor', 'insurer'],
  },
  upstream_downstream: {
    supplier: ['enterprise', 'distributor'],
    buyer: ['enterprise', 'distributor', 'construction_unit'],
  },
  producer_distributor: {
    producer: ['enterprise'],
    distributor: ['distributor'],
  },
  building_materials: {
    producer: ['enterprise', 'distributor'],
    builder: ['construction_unit'],
  },
};

describe('who may take which role in which session', () => {
  it('answers every session kind × role × organisation kind as written out above', () => {
    for (const sessionKind of SESSION_KINDS) {
      for (const role of PARTICIPANT_ROLES) {
        for (const kind of ORGANISATION_KINDS) {
          const expected = (ADMITTED[sessionKind][role] ?? []).includes(kind);
          expect({ sessionKind, role, kind, admitted: organisationKindsFor(sessionKind, role).includes(kind) }).toEqual({
            sessionKind,
            role,
            kind,
            admitted: expected,
          });
        }
      }
    }
  });

  it('lets a trader (商贸流通企业) supply in chain and building-material sessions', () => {
    expect(organisationKindsFor('upstream_downstream', 'supplier')).toContain('distributor');
    expect(organisationKindsFor('building_materials', 'producer')).toContain('distributor');
    expect(rolesFor('upstream_downstream', 'distributor')).toEqual(['supplier', 'buyer']);
    expect(rolesFor('building_materials', 'distributor')).toEqual(['producer']);
  });

  it('keeps the producer–distributor roles as the seed defines them: producers produce, distributors distribute', () => {
    expect(organisationKindsFor('producer_distributor', 'producer')).toEqual(['enterprise']);
    expect(organisationKindsFor('producer_distributor', 'distributor')).toEqual(['distributor']);
    expect(rolesFor('producer_distributor', 'distributor')).toEqual(['distributor']);
    expect(rolesFor('producer_distributor', 'enterprise')).toEqual(['producer']);
  });

  it('admits nobody to a role the session kind lacks, and defines every role it has', () => {
    for (const sessionKind of SESSION_KINDS) {
      expect(Object.keys(ORGANISATION_KINDS_BY_SESSION_ROLE[sessionKind]).sort()).toEqual([...ROLES_BY_SESSION_KIND[sessionKind]].sort());
      for (const role of ROLES_BY_SESSION_KIND[sessionKind]) expect(organisationKindsFor(sessionKind, role).length).toBeGreaterThan(0);
    }
    expect(organisationKindsFor('bank_enterprise', 'supplier')).toEqual([]);
    expect(organisationKindsFor('building_materials', 'supplier')).toEqual([]);
  });

  it('never lets an organiser take a role', () => {
    for (const sessionKind of SESSION_KINDS) expect(rolesFor(sessionKind, 'organiser')).toEqual([]);
  });

  it('keeps the other roles as they were: banks lend, guarantors guarantee, builders build', () => {
    expect(rolesFor('bank_enterprise', 'bank')).toEqual(['lender']);
    expect(rolesFor('bank_enterprise', 'guarantor')).toEqual(['guarantor']);
    expect(rolesFor('building_materials', 'construction_unit')).toEqual(['builder']);
    expect(rolesFor('upstream_downstream', 'construction_unit')).toEqual(['buyer']);
    expect(rolesFor('upstream_downstream', 'bank')).toEqual([]);
  });
});

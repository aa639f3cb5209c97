// The domain vocabulary both sides speak. Enums are string-literal unions with a
// runtime list beside each, so DTO validation and UI selects use the same values.

export const ORGANISATION_KINDS = ['enterprise', 'bank', 'guarantor', 'microlender', 'insurer', 'distributor', 'construction_unit', 'organiser'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

/** `suspended`: an organiser took its rights away (its users cannot log in); it can be reinstated. */
export const ORGANISATION_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const USER_ROLES = ['organiser', 'org_admin', 'org_member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SESSION_KINDS = ['bank_enterprise', 'upstream_downstream', 'producer_distributor', 'building_materials'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['draft', 'registration', 'live', 'signing', 'follow_up', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The lifecycle moves one step forward at a time; nothing goes back. */
export const SESSION_TRANSITIONS: Record<SessionStatus, SessionStatus | null> = {
  draft: 'registration',
  registration: 'live',
  live: 'signing',
  signing: 'follow_up',
  follow_up: 'closed',
  closed: null,
};

/** Organisations may register while a session is open for registration or already live. */
export const REGISTRATION_OPEN_STATUSES: readonly SessionStatus[] = ['registration', 'live'];
/** Listings are posted and edited while the session is open for registration or live. */
export const LISTING_OPEN_STATUSES: readonly SessionStatus[] = ['registration', 'live'];

export const REGISTRATION_MODES = ['open', 'invitation'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const PARTICIPANT_ROLES = ['borrower', 'lender', 'guarantor', 'supplier', 'buyer', 'producer', 'distributor', 'builder'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Which roles a session kind has. */
export const ROLES_BY_SESSION_KIND: Record<SessionKind, readonly ParticipantRole[]> = {
  bank_enterprise: ['borrower', 'lender', 'guarantor'],
  upstream_downstream: ['supplier', 'buyer'],
  producer_distributor: ['producer', 'distributor'],
  building_materials: ['producer', 'builder'],
};

/**
 * Which kinds of organisation may take each role of a session kind. The same role name can
 * admit different kinds per session: traders and distributors (商贸流通企业) sell as well as
 * buy, so they may supply in chain sessions and in bulk building-material sessions, while the
 * producer–distributor session keeps its roles as the seed defines them (生产企业 produce,
 * 流通企业 distribute). A role a session kind lacks is absent.
 */
export const ORGANISATION_KINDS_BY_SESSION_ROLE: Record<SessionKind, Partial<Record<ParticipantRole, readonly OrganisationKind[]>>> = {
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

/** The kinds of organisation that may take a role in a session of this kind (none when the session lacks the role). */
export function organisationKindsFor(sessionKind: SessionKind, role: ParticipantRole): readonly OrganisationKind[] {
  return ORGANISATION_KINDS_BY_SESSION_ROLE[sessionKind][role] ?? [];
}

/** The roles an organisation of this kind may take in a session of this kind, in the session's order. */
export function rolesFor(sessionKind: SessionKind, organisationKind: OrganisationKind): ParticipantRole[] {
  return ROLES_BY_SESSION_KIND[sessionKind].filter((role) => organisationKindsFor(sessionKind, role).includes(organisationKind));
}

export const PARTICIPATION_STATUSES = ['invited', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const LISTING_TYPES = ['supply', 'demand', 'financing_need', 'credit_offer', 'guarantee_offer'] as const;
export type ListingType = (typeof LISTING_TYPES)[number];

/** Which listing types a participant in a role may post. */
export const LISTING_TYPES_BY_ROLE: Record<ParticipantRole, readonly ListingType[]> = {
  borrower: ['financing_need'],
  lender: ['credit_offer'],
  guarantor: ['guarantee_offer'],
  supplier: ['supply'],
  buyer: ['demand'],
  producer: ['supply'],
  distributor: ['demand'],
  builder: ['demand'],
};

export const GOODS_LISTING_TYPES: readonly ListingType[] = ['supply', 'demand'];

export const LISTING_STATUSES = ['open', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const FINANCING_PURPOSES = ['working_capital', 'technical_upgrade', 'project'] as const;
export type FinancingPurpose = (typeof FINANCING_PURPOSES)[number];

export const GUARANTEE_REQUIREMENTS = ['none', 'collateral', 'guarantee', 'collateral_or_guarantee'] as const;
export type GuaranteeRequirement = (typeof GUARANTEE_REQUIREMENTS)[number];

export const QUANTITY_UNITS = ['吨', '万吨', '立方米', '平方米', '米', '件', '台', '套', '兆瓦', '千瓦时', '千克', '头'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

export const AGREEMENT_KINDS = ['loan', 'credit_line', 'guarantee', 'supply_contract', 'distribution', 'intent', 'target_responsibility'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** A party's role in an agreement: a participant role, or the organiser granting project funds. */
export type AgreementPartyRole = ParticipantRole | 'organiser';

/**
 * The roles each kind of agreement needs, one party each. An intent agreement (意向协议)
 * takes any two or more parties; a target responsibility letter (项目建设目标责任书) is
 * signed by the organiser that grants the funds and the enterprise that builds.
 */
export const AGREEMENT_ROLES: Record<AgreementKind, readonly (readonly AgreementPartyRole[])[] | 'any'> = {
  loan: [['borrower', 'lender']],
  credit_line: [['borrower', 'lender']],
  guarantee: [['borrower', 'lender', 'guarantor']],
  supply_contract: [
    ['supplier', 'buyer'],
    ['producer', 'builder'],
    ['producer', 'distributor'],
  ],
  distribution: [['producer', 'distributor']],
  intent: 'any',
  target_responsibility: [
    ['organiser', 'borrower'],
    ['organiser', 'supplier'],
    ['organiser', 'producer'],
    ['organiser', 'builder'],
  ],
};

/** Kinds about goods: they carry a product, a quantity and a unit. */
export const GOODS_AGREEMENT_KINDS: readonly AgreementKind[] = ['supply_contract', 'distribution'];

export const AGREEMENT_STATUSES = ['drafting', 'signed', 'confirmed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** How long a password re-confirmation lets a user sign without retyping it. */
export const SIGNING_GRANT_MINUTES = 10;

/**
 * What happens to an agreement after it is signed, recorded separately so that "signed"
 * and "disbursed" figures are never mixed: credit approved, then disbursed (financing) or
 * delivered (goods) in partial entries, until it is performed or terminated.
 */
export const LEDGER_ENTRY_KINDS = ['approved', 'disbursed', 'delivered', 'performed', 'terminated'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
/**
 * Entries that close the ledger for good unless an organiser reopens it. Only an authorised
 * signatory of a party (its org_admin) or an organiser records them, always with a reason.
 */
export const CLOSING_LEDGER_KINDS: readonly LedgerEntryKind[] = ['performed', 'terminated'];

/** Kinds whose money moves as loans: approved, then disbursed. */
export const FINANCING_AGREEMENT_KINDS: readonly AgreementKind[] = ['loan', 'credit_line', 'guarantee'];

/** An application from the matchmaking supermarket: the bank answers pending ones. */
export const APPLICATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A request for a negotiation meeting (洽谈); a pending one expires at its answer deadline. */
export const MEETING_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

import { refreshAgreementProgress } from './agreement-figures';
import { Clock } from '../common/clock';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AGREEMENT_ROLES, GOODS_AGREEMENT_KINDS, type Agreement, type AgreementKind, type AgreementPartyRole, type SessionKind } from '@duijie/shared';
import { createHash } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/audit-chain';
import { AuditService } from '../audit/audit.service';
import { isOrganiser, type Principal } from '../access/principal';
import { assertVersion, Conflict, DomainError, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import type { EventEntity } from '../events/event.entity';
import type { SessionEntity } from '../events/session.entity';
import { pages } from '../common/xlsx';
import { AgreementProgressEntity } from './agreement-progress.entity';
import type { AgreementExportRow, AgreementLedgerTotals } from './agreements.export';
import { NotificationsService } from '../notifications/notifications.service';
import { ListingEntity } from '../listings/listing.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { BoardPublisher } from '../realtime/board-publisher';
import type { AgreementDto, AgreementPartyDto, AgreementUpdateDto } from './dto/agreement.dto';
import { AgreementEntity, AgreementPartyEntity, AgreementSignatureEntity } from './agreement.entity';

/** Sessions in which agreements are drafted and signed. */
const AGREEMENT_OPEN_STATUSES = ['live', 'signing'];

type Terms = Pick<AgreementEntity, 'kind' | 'title' | 'amount' | 'product' | 'quantity' | 'unit' | 'termMonths' | 'keyTerms' | 'listingIds' | 'sessionId'>;

/** The hash every signature is given on: the kind, the parties and every term. */
export function contentHashOf(terms: Terms, parties: { organisationId: string; role: string }[]): string {
  const content = {
    sessionId: terms.sessionId,
    kind: terms.kind,
    title: terms.title,
    amount: terms.amount,
    product: terms.product ?? null,
    quantity: terms.quantity ?? null,
    unit: terms.unit ?? null,
    termMonths: terms.termMonths ?? null,
    keyTerms: terms.keyTerms,
    listingIds: [...terms.listingIds].sort(),
    parties: parties.map((p) => `${p.organisationId}:${p.role}`).sort(),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Work another capability does in the transaction in which the last party signs, so that it
 * commits with the signature or not at all (follow-up: the agreement's report schedule).
 */
export type AgreementSignedHook = (tx: Tx, agreement: AgreementEntity, parties: AgreementPartyEntity[], principal: Principal) => Promise<void>;

/** A signed agreement as the ceremony counts it (amount as text: bigint). */
export type SignedForCeremony = { id: string; title: string; amount: string; product: string | null; signedAt: Date; kind: SessionKind; parties: string[] };
/** An agreement of the batch on stage. */
export type StagedAgreement = { agreementId: string; title: string; amount: string; status: string; parties: string[] };

@Injectable()
export class AgreementsService {
  private readonly signedHooks: AgreementSignedHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly publisher: BoardPublisher,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {
    uow.on('agreement.changed', (changes) => changes.forEach(({ agreement }) => this.announce(agreement)));
  }

  /** Registers work to do in the transaction that completes an agreement's signatures (see AgreementSignedHook). */
  onSigned(hook: AgreementSignedHook): void {
    this.signedHooks.push(hook);
  }

  /**
   * Runs an agreement change, its answer to an Idempotency-Key committing with it; once it
   * has committed, tells the parties and organisers.
   */
  private change(work: (manager: EntityManager, tx: Tx) => Promise<Agreement>, opts: { refreshProgress?: boolean } = {}): Promise<Agreement> {
    return this.uow.run(async (tx) => {
      const agreement = await work(tx.manager, tx);
      if (opts.refreshProgress !== false) await refreshAgreementProgress(tx.manager, [agreement.id]);
      tx.emit({ type: 'agreement.changed', agreement });
      return agreement;
    });
  }

  /** Once an agreement's change has committed, its parties and the organisers hear of it. */
  private announce(agreement: Agreement): void {
    this.publisher.publishAgreement({
      organisationIds: agreement.parties.map((p) => p.organisationId),
      update: {
        agreementId: agreement.id,
        sessionId: agreement.sessionId,
        status: agreement.status,
        version: agreement.version,
        contentHash: agreement.contentHash,
        pendingOrganisationIds: agreement.parties.filter((p) => p.signature === null).map((p) => p.organisationId),
      },
    });
  }

  /** Drafts are edited and signed in the same window they are drafted in (live or signing). */
  private async assertSessionOpen(manager: EntityManager, sessionId: string, what: 'edited' | 'signed'): Promise<void> {
    const session = await this.events.findSession(manager, sessionId);
    if (!AGREEMENT_OPEN_STATUSES.includes(session.status)) {
      throw new Conflict('session_not_open', `Agreements are ${what} while a session is live or signing, not ${session.status}`);
    }
  }

  /** One party drafts; the drafting organisation must be among the parties. */
  async create(principal: Principal, sessionId: string, dto: AgreementDto): Promise<Agreement> {
    if (!dto.parties.some((p) => p.organisationId === principal.organisationId)) {
      throw new InvalidInput('parties', 'your organisation must be one of the parties of an agreement it drafts');
    }
    assertGoods(dto.kind, dto);
    return this.change(async (manager) => {
      const session = await this.events.visibleSession(manager, principal, sessionId);
      if (!AGREEMENT_OPEN_STATUSES.includes(session.status)) {
        throw new Conflict('session_not_open', `Agreements are drafted while a session is live or signing, not ${session.status}`);
      }
      await this.assertParties(manager, sessionId, dto.kind, dto.parties);
      const listingIds = dto.listingIds ?? [];
      await this.assertListings(manager, sessionId, listingIds);
      const terms: Terms = {
        sessionId,
        kind: dto.kind,
        title: dto.title,
        amount: dto.amount,
        product: dto.product ?? null,
        quantity: dto.quantity ?? null,
        unit: dto.unit ?? null,
        termMonths: dto.termMonths ?? null,
        keyTerms: dto.keyTerms,
        listingIds,
      };
      const agreement = await manager.save(
        manager.create(AgreementEntity, {
          ...terms,
          eventId: session.eventId,
          status: 'drafting',
          version: 1,
          contentHash: contentHashOf(terms, dto.parties),
          draftedByOrganisationId: principal.organisationId,
          draftedByUserId: principal.userId,
        }),
      );
      await manager.insert(
        AgreementPartyEntity,
        dto.parties.map((p) => ({ agreementId: agreement.id, organisationId: p.organisationId, role: p.role })),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'agreement.drafted',
        entityType: 'agreement',
        entityId: agreement.id,
        data: { sessionId, kind: agreement.kind, amount: agreement.amount, contentHash: agreement.contentHash, parties: dto.parties.map((p) => ({ ...p })) },
      });
      return this.view(manager, agreement);
    });
  }

  /** The drafter edits; any change to the terms voids every signature collected so far. */
  async update(principal: Principal, id: string, dto: AgreementUpdateDto): Promise<Agreement> {
    return this.change(async (manager, tx) => {
      const agreement = await this.lock(manager, id);
      await this.assertCanRead(manager, principal, agreement);
      if (agreement.draftedByOrganisationId !== principal.organisationId) {
        throw new Forbidden('Only the drafting party edits an agreement; the other parties review and sign');
      }
      if (agreement.status !== 'drafting') throw new Conflict('agreement_signed', 'A signed agreement cannot be changed');
      await this.assertSessionOpen(manager, agreement.sessionId, 'edited');
      assertVersion(agreement.version, dto.version, 'The agreement');
      const { version: _version, ...patch } = dto;
      Object.assign(agreement, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      assertGoods(agreement.kind, agreement);
      await this.assertListings(manager, agreement.sessionId, agreement.listingIds);
      const parties = await manager.find(AgreementPartyEntity, { where: { agreementId: id } });
      const hash = contentHashOf(agreement, parties);
      let voided = 0;
      if (hash !== agreement.contentHash) {
        const result = await manager.update(AgreementSignatureEntity, { agreementId: id, voidedAt: IsNull() }, { voidedAt: new Date() });
        voided = result.affected ?? 0;
      }
      const previousHash = agreement.contentHash;
      agreement.contentHash = hash;
      agreement.version += 1;
      await manager.save(agreement);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'agreement.edited',
        entityType: 'agreement',
        entityId: id,
        data: { version: agreement.version, previousHash, contentHash: hash, voidedSignatures: voided },
      });
      // The old terms can no longer be signed: asking for their signature is moot.
      if (hash !== previousHash)
        await this.notifications.settle(
          tx,
          parties.map((p) => signKey(id, p.organisationId, previousHash)),
        );
      return this.view(manager, agreement);
    });
  }

  /**
   * An authorised user of a party signs the terms they reviewed (their hash), within a
   * step-up signing grant. The database allows one live signature per party.
   */
  async sign(principal: Principal, id: string, contentHash: string): Promise<Agreement> {
    if (principal.role === 'org_member') throw new Forbidden('Only an organisation admin (an authorised signatory) may sign');
    // Signing changes neither the parties nor the ledger: the progress row stays as it is.
    return this.change(
      async (manager, tx) => {
        // The grant is bound to the login session that confirmed the password.
        const grant = principal.signingGrantUntil;
        if (!grant || grant.getTime() < Date.now()) {
          throw new DomainError(403, 'step_up_required', 'Confirm your password before signing (POST /api/auth/step-up)');
        }
        const agreement = await this.lock(manager, id);
        // Read once under the agreement's lock (every signature and voiding takes it): the checks,
        // the count and the answer below all use these.
        const parties = await manager.find(AgreementPartyEntity, { where: { agreementId: id }, relations: { organisation: true } });
        const party = parties.find((p) => p.organisationId === principal.organisationId);
        if (!party) throw new Forbidden('Your organisation is not a party to this agreement');
        if (agreement.status !== 'drafting') throw new Conflict('agreement_signed', 'This agreement is already signed by every party');
        await this.assertSessionOpen(manager, agreement.sessionId, 'signed');
        if (contentHash !== agreement.contentHash) {
          throw new Conflict('terms_changed', 'The terms changed since you reviewed them; review the new version and sign again', [
            { field: 'contentHash', messages: [`current hash is ${agreement.contentHash}`] },
          ]);
        }
        const signatures = await this.signaturesOf(manager, id);
        const live = signatures.filter((s) => s.voidedAt === null);
        if (live.some((s) => s.partyId === party.id)) throw new Conflict('already_signed', 'Your organisation has already signed these terms');
        signatures.push(await this.insertSignature(manager, principal, party, contentHash));
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'agreement.signed',
          entityType: 'agreement',
          entityId: id,
          data: { organisationId: principal.organisationId, role: party.role, contentHash },
        });
        await this.notifications.settle(tx, [signKey(id, principal.organisationId, contentHash)]);
        if (live.length + 1 === parties.length) {
          await this.markSigned(manager, agreement);
          await this.audit.record(manager, {
            actorUserId: principal.userId,
            action: 'agreement.fully_signed',
            entityType: 'agreement',
            entityId: id,
            data: { contentHash, amount: agreement.amount },
          });
          for (const hook of this.signedHooks) await hook(tx, agreement, parties, principal);
          await this.notifications.notify(tx, {
            kind: 'agreement.signed',
            eventId: agreement.eventId,
            to: { organisationIds: parties.map((p) => p.organisationId) },
            params: { title: agreement.title },
            link: '/my/agreements',
          });
        } else {
          const waiting = parties.filter((p) => p.id !== party.id && !live.some((s) => s.partyId === p.id)).map((p) => p.organisationId);
          await this.notifications.notify(
            tx,
            waiting.map((organisationId) => ({
              kind: 'agreement.awaiting_signature' as const,
              eventId: agreement.eventId,
              to: { organisationIds: [organisationId] },
              params: { title: agreement.title },
              link: '/my/agreements',
              // Told once per party and version of the terms, however many parties sign before it; settled when it signs.
              dedupeKey: signKey(id, organisationId, contentHash),
            })),
          );
        }
        return toAgreement(agreement, parties, signatures);
      },
      { refreshProgress: false },
    );
  }

  /** An agreement's signatures, voided ones too, oldest first, with their signers: as the answer shows them. */
  private signaturesOf(manager: EntityManager, agreementId: string): Promise<AgreementSignatureEntity[]> {
    return manager.find(AgreementSignatureEntity, { where: { agreementId }, relations: { user: true }, order: { signedAt: 'ASC' } });
  }

  /** Inserts a party's signature and answers it as read back, its signer being the principal (read for this request). */
  private async insertSignature(
    manager: EntityManager,
    principal: Principal,
    party: AgreementPartyEntity,
    contentHash: string,
  ): Promise<AgreementSignatureEntity> {
    const values = { agreementId: party.agreementId, partyId: party.id, userId: principal.userId, contentHash };
    const { generatedMaps } = await manager.insert(AgreementSignatureEntity, values);
    const generated = generatedMaps[0] as Pick<AgreementSignatureEntity, 'id' | 'signedAt'>;
    return manager.create(AgreementSignatureEntity, {
      ...values,
      id: generated.id,
      signedAt: generated.signedAt,
      voidedAt: null,
      user: { id: principal.userId, displayName: principal.displayName },
    });
  }

  /** Every party has signed: one UPDATE, answering the row's new `updatedAt` (no read of the row first, as `save` does). */
  private async markSigned(manager: EntityManager, agreement: AgreementEntity): Promise<void> {
    agreement.status = 'signed';
    agreement.signedAt = this.clock.now();
    const { raw } = await manager
      .createQueryBuilder()
      .update(AgreementEntity)
      .set({ status: agreement.status, signedAt: agreement.signedAt })
      .where('id = :id', { id: agreement.id })
      .returning(['updatedAt'])
      .execute();
    agreement.updatedAt = (raw as { updatedAt: Date }[])[0].updatedAt;
  }

  /** Organisers confirm a signed agreement for the event's statistics, once. */
  async confirm(principal: Principal, id: string): Promise<Agreement> {
    return this.change(async (manager) => {
      const agreement = await this.lock(manager, id);
      if (agreement.status === 'confirmed') return this.view(manager, agreement);
      if (agreement.status !== 'signed') throw new Conflict('not_signed', 'Only an agreement every party has signed can be confirmed');
      agreement.status = 'confirmed';
      agreement.confirmedAt = this.clock.now();
      agreement.confirmedByUserId = principal.userId;
      await manager.save(agreement);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'agreement.confirmed',
        entityType: 'agreement',
        entityId: id,
        data: { amount: agreement.amount },
      });
      return this.view(manager, agreement);
    });
  }

  async get(principal: Principal, id: string): Promise<Agreement> {
    const agreement = await this.dataSource.getRepository(AgreementEntity).findOne({ where: { id } });
    if (!agreement) throw new NotFound('Agreement');
    await this.assertCanRead(this.dataSource.manager, principal, agreement);
    return this.view(this.dataSource.manager, agreement);
  }

  /** My organisation's agreements, newest first. */
  async mine(principal: Principal): Promise<Agreement[]> {
    const rows = await this.dataSource
      .getRepository(AgreementEntity)
      .createQueryBuilder('a')
      .innerJoin(AgreementPartyEntity, 'p', 'p.agreementId = a.id AND p.organisationId = :org', { org: principal.organisationId })
      .orderBy('a.updatedAt', 'DESC')
      .getMany();
    return this.views(this.dataSource.manager, rows);
  }

  /** Every agreement of a session, for organisers. */
  /** An event's signed and confirmed agreements in signing order, for the ceremony's figures. */
  signedForCeremony(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<SignedForCeremony[]> {
    return manager.query(
      `SELECT a.id, a.title, a.amount::text AS amount, a.product, a."signedAt", s.kind,
              ARRAY(SELECT o.name FROM agreement_party p JOIN organisation o ON o.id = p."organisationId"
                     WHERE p."agreementId" = a.id ORDER BY o.name) AS parties
         FROM agreement a JOIN match_session s ON s.id = a."sessionId"
        WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed')
        ORDER BY a."signedAt", a.id`,
      [eventId],
    );
  }

  /** Agreements by id, in the order given, with their parties' names: a ceremony batch on stage. */
  async forStage(ids: string[]): Promise<StagedAgreement[]> {
    if (ids.length === 0) return [];
    const rows: StagedAgreement[] = await this.dataSource.query(
      `SELECT a.id AS "agreementId", a.title, a.amount::text AS amount, a.status,
              ARRAY(SELECT o.name FROM agreement_party p JOIN organisation o ON o.id = p."organisationId" WHERE p."agreementId" = a.id ORDER BY p.role, o.name) AS parties
         FROM agreement a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.agreementId, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async forSession(sessionId: string): Promise<Agreement[]> {
    const rows = await this.dataSource.getRepository(AgreementEntity).find({ where: { sessionId }, order: { createdAt: 'DESC' } });
    return this.views(this.dataSource.manager, rows);
  }

  /**
   * A session's agreements for the organisers' export, in the list's order (newest first): how
   * many, the event (its name and time zone), the ledger totals, then the agreements page by page,
   * each with what its ledger adds up to (the progress row kept with every ledger entry).
   */
  async exportPages(sessionId: string): Promise<{
    session: SessionEntity;
    event: EventEntity;
    count: number;
    totals: AgreementLedgerTotals;
    pages: AsyncIterable<AgreementExportRow[]>;
  }> {
    const manager = this.dataSource.manager;
    const session = await this.events.findSession(manager, sessionId);
    const event = await this.events.findEvent(manager, session.eventId);
    const [sums]: Record<keyof AgreementLedgerTotals, string | number>[] = await manager.query(
      `SELECT COUNT(*)::int AS count, COALESCE(SUM(a.amount), 0) AS amount, COALESCE(SUM(p.approved), 0) AS approved,
              COALESCE(SUM(p.disbursed), 0) AS disbursed, COALESCE(SUM(p.delivered), 0) AS delivered
         FROM agreement a LEFT JOIN agreement_progress p ON p."agreementId" = a.id
        WHERE a."sessionId" = $1`,
      [sessionId],
    );
    const totals = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Number(v)])) as AgreementLedgerTotals;
    const read = pages(async (offset, limit) => {
      const rows = await manager.find(AgreementEntity, { where: { sessionId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
      const progress = rows.length ? await manager.find(AgreementProgressEntity, { where: { agreementId: In(rows.map((a) => a.id)) } }) : [];
      const byId = new Map(progress.map((p) => [p.agreementId, p]));
      return (await this.views(manager, rows)).map((agreement) => {
        const p = byId.get(agreement.id);
        return { agreement, approved: p?.approved ?? 0, disbursed: p?.disbursed ?? 0, delivered: p?.delivered ?? 0, outcome: p?.outcome ?? 'open' };
      });
    });
    return { session, event, count: totals.count, totals, pages: read };
  }

  /** An agreement and its parties, locked, for a capability's work in its own transaction (follow-up); 404 if none. */
  async lockWithParties(manager: EntityManager, id: string): Promise<{ agreement: AgreementEntity; parties: AgreementPartyEntity[] }> {
    const agreement = await this.lock(manager, id);
    return { agreement, parties: await manager.find(AgreementPartyEntity, { where: { agreementId: id } }) };
  }

  /** Whether the caller may read the agreement: a party's user or an organiser. */
  canRead(manager: EntityManager, principal: Principal, agreementId: string): Promise<boolean> {
    if (isOrganiser(principal)) return Promise.resolve(true);
    return manager.exists(AgreementPartyEntity, { where: { agreementId, organisationId: principal.organisationId } });
  }

  private async lock(manager: EntityManager, id: string): Promise<AgreementEntity> {
    const agreement = await manager.findOne(AgreementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!agreement) throw new NotFound('Agreement');
    return agreement;
  }

  /** Parties and organisers read an agreement; to anyone else it does not exist. */
  private async assertCanRead(manager: EntityManager, principal: Principal, agreement: AgreementEntity): Promise<void> {
    if (isOrganiser(principal)) return;
    if (await manager.exists(AgreementPartyEntity, { where: { agreementId: agreement.id, organisationId: principal.organisationId } })) return;
    throw new NotFound('Agreement');
  }

  /** The parties fill the kind's roles, each an approved participant of the session in that role. */
  private async assertParties(manager: EntityManager, sessionId: string, kind: AgreementKind, parties: AgreementPartyDto[]): Promise<void> {
    if (new Set(parties.map((p) => p.organisationId)).size !== parties.length) throw new InvalidInput('parties', 'an organisation can be a party only once');
    const roles = parties.map((p) => p.role).sort();
    const allowed = AGREEMENT_ROLES[kind];
    if (allowed !== 'any' && !allowed.some((set) => [...set].sort().join() === roles.join())) {
      const options = allowed.map((set) => set.join(' + ')).join(' or ');
      throw new InvalidInput('parties', `a ${kind} agreement is between ${options}`);
    }
    const organisations = await manager.find(OrganisationEntity, { where: { id: In(parties.map((p) => p.organisationId)) } });
    const approved = await manager.find(ParticipationEntity, {
      where: { sessionId, organisationId: In(parties.map((p) => p.organisationId)), status: 'approved' },
    });
    parties.forEach((party: { organisationId: string; role: AgreementPartyRole }, i) => {
      const organisation = organisations.find((o) => o.id === party.organisationId);
      if (!organisation) throw new InvalidInput(`parties.${i}.organisationId`, 'no such organisation');
      const fits =
        party.role === 'organiser'
          ? organisation.kind === 'organiser'
          : approved.some((p) => p.organisationId === party.organisationId && p.role === party.role);
      if (!fits) throw new InvalidInput(`parties.${i}.role`, `${organisation.name} is not an approved ${party.role} of this session`);
    });
  }

  private async assertListings(manager: EntityManager, sessionId: string, listingIds: string[]): Promise<void> {
    if (listingIds.length === 0) return;
    const found = await manager.count(ListingEntity, { where: { id: In(listingIds), sessionId } });
    if (found !== new Set(listingIds).size) throw new InvalidInput('listingIds', 'every linked listing must belong to this session');
  }

  private async view(manager: EntityManager, a: AgreementEntity): Promise<Agreement> {
    return (await this.views(manager, [a]))[0];
  }

  /** Parties and signatures of many agreements in two queries, not two per agreement. */
  private async views(manager: EntityManager, agreements: AgreementEntity[]): Promise<Agreement[]> {
    if (agreements.length === 0) return [];
    const ids = agreements.map((a) => a.id);
    const parties = await manager.find(AgreementPartyEntity, { where: { agreementId: In(ids) }, relations: { organisation: true } });
    const signatures = await manager.find(AgreementSignatureEntity, { where: { agreementId: In(ids) }, relations: { user: true }, order: { signedAt: 'ASC' } });
    // Grouped once: a page of an export holds thousands of agreements (a filter per agreement was quadratic).
    const partiesOf = groupBy(parties, (p) => p.agreementId);
    const signaturesOf = groupBy(signatures, (s) => s.agreementId);
    return agreements.map((a) => toAgreement(a, partiesOf.get(a.id) ?? [], signaturesOf.get(a.id) ?? []));
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function assertGoods(kind: AgreementKind, terms: { product?: string | null; quantity?: number | null; unit?: string | null }): void {
  if (!GOODS_AGREEMENT_KINDS.includes(kind)) return;
  for (const field of ['product', 'quantity', 'unit'] as const) {
    if (terms[field] === null || terms[field] === undefined) throw new InvalidInput(field, `is required for a ${kind} agreement`);
  }
}

function toAgreement(a: AgreementEntity, parties: AgreementPartyEntity[], signatures: AgreementSignatureEntity[]): Agreement {
  const live = signatures.filter((s) => s.voidedAt === null);
  return {
    id: a.id,
    eventId: a.eventId,
    sessionId: a.sessionId,
    kind: a.kind,
    title: a.title,
    amount: a.amount,
    product: a.product,
    quantity: a.quantity,
    unit: a.unit,
    termMonths: a.termMonths,
    keyTerms: a.keyTerms,
    listingIds: a.listingIds,
    status: a.status,
    version: a.version,
    contentHash: a.contentHash,
    draftedByOrganisationId: a.draftedByOrganisationId,
    parties: parties.map((p) => {
      const s = live.find((x) => x.partyId === p.id);
      return {
        organisationId: p.organisationId,
        role: p.role,
        organisationName: p.organisation?.name ?? '',
        signature: s
          ? {
              organisationId: p.organisationId,
              userId: s.userId,
              userName: s.user?.displayName ?? '',
              signedAt: s.signedAt.toISOString(),
              contentHash: s.contentHash,
            }
          : null,
      };
    }),
    voidedSignatures: signatures.length - live.length,
    signedAt: a.signedAt ? a.signedAt.toISOString() : null,
    confirmedAt: a.confirmedAt ? a.confirmedAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** A party's notice to sign one version of the terms (by their hash). */
function signKey(agreementId: string, organisationId: string, contentHash: string): string {
  return `agreement:${agreementId}:sign:${organisationId}:${contentHash}`;
}

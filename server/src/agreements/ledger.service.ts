import { refreshAgreementProgress } from './agreement-figures';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLOSING_LEDGER_KINDS,
  FINANCING_AGREEMENT_KINDS,
  GOODS_AGREEMENT_KINDS,
  type AgreementFigures,
  type EventAgreementFigures,
  type LedgerEntry,
  type LedgerEntryInput,
} from '@duijie/shared';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EventsService } from '../events/events.service';
import { isOrganiser, type Principal } from '../access/principal';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../common/errors';
import { UnitOfWork, type Tx } from '../common/unit-of-work/unit-of-work';
import { AgreementEntity, AgreementPartyEntity } from './agreement.entity';
import type { LedgerReopenDto } from './dto/ledger.dto';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** Which party records which step: the lender approves and disburses, the seller delivers. */
const RECORDING_ROLES = { approved: ['lender'], disbursed: ['lender'], delivered: ['supplier', 'producer'] } as const;

/** A closing entry still in force: performed or terminated, not withdrawn by an organiser. */
const closes = (e: LedgerEntryEntity) => CLOSING_LEDGER_KINDS.includes(e.kind) && e.reopenedAt === null;

/**
 * Work another capability does in the transaction of a ledger change (an entry recorded, a
 * closing entry withdrawn), so it commits with it: follow-up waives the reports an agreement no
 * longer owes once it is performed or terminated, and owes them again when it is reopened.
 */
export type LedgerChangedHook = (tx: Tx, agreementId: string, principal: Principal) => Promise<void>;

/**
 * The staged ledger after signing. Signing never becomes disbursing by itself: each step
 * is an entry with its amount, date and evidence, and the figures are summed from entries.
 */
@Injectable()
export class LedgerService {
  private readonly changedHooks: LedgerChangedHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Registers work to do in the transaction of every ledger change (see LedgerChangedHook). */
  onChanged(hook: LedgerChangedHook): void {
    this.changedHooks.push(hook);
  }

  async record(principal: Principal, agreementId: string, dto: LedgerEntryInput): Promise<LedgerEntry> {
    return this.uow.run((tx) => this.recordIn(tx, principal, agreementId, dto));
  }

  /**
   * Records an entry in the caller's unit of work (a report's lines are recorded with the report),
   * under the same rules as on its own.
   */
  async recordIn(tx: Tx, principal: Principal, agreementId: string, dto: LedgerEntryInput): Promise<LedgerEntry> {
    const { manager } = tx;
    const agreement = await manager.findOne(AgreementEntity, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
    if (!agreement) throw new NotFound('Agreement');
    const party = await manager.findOne(AgreementPartyEntity, { where: { agreementId, organisationId: principal.organisationId } });
    if (!party && !isOrganiser(principal)) throw new NotFound('Agreement');
    if (agreement.status === 'drafting') throw new Conflict('not_signed', 'Follow-up is recorded once every party has signed');
    // Closing is for good: only who may sign for a party (its admin) or an organiser records it.
    if (CLOSING_LEDGER_KINDS.includes(dto.kind) && !isOrganiser(principal) && principal.role !== 'org_admin') {
      throw new Forbidden(`Only an organisation admin (an authorised signatory) or an organiser records ${dto.kind}`);
    }
    const entries = await manager.find(LedgerEntryEntity, { where: { agreementId } });
    if (entries.some(closes)) {
      throw new Conflict('ledger_closed', 'This agreement has already been performed or terminated');
    }
    const sum = (kind: string) => entries.filter((e) => e.kind === kind).reduce((total, e) => total + (e.amount ?? 0), 0);
    const financing = FINANCING_AGREEMENT_KINDS.includes(agreement.kind);
    const goods = GOODS_AGREEMENT_KINDS.includes(agreement.kind);
    const amount = dto.amount ?? null;
    // Follow-up comes after the session the agreement was reached at (its day in China), or
    // after the agreement was drafted when that was earlier (prepared and signed ahead of it).
    const sessionDay = chinaDay((await this.events.findSession(manager, agreement.sessionId)).startsAt);
    const earliest = [sessionDay, chinaDay(agreement.createdAt)].sort()[0];
    if (dto.occurredOn < earliest) throw new InvalidInput('occurredOn', `must not be before ${earliest}, when the agreement was reached`);
    switch (dto.kind) {
      case 'approved':
      case 'disbursed':
        if (!financing) throw new InvalidInput('kind', `a ${agreement.kind} agreement is not a loan; use delivered, performed or terminated`);
        break;
      case 'delivered':
        if (!goods) throw new InvalidInput('kind', `a ${agreement.kind} agreement has no goods to deliver`);
        break;
      case 'terminated':
      case 'performed':
        if (!dto.reason?.trim()) throw new InvalidInput('reason', `must be given to record ${dto.kind}`);
        break;
    }
    if (dto.kind === 'approved' || dto.kind === 'disbursed' || dto.kind === 'delivered') {
      const allowed: readonly string[] = RECORDING_ROLES[dto.kind];
      if (!isOrganiser(principal) && !allowed.includes(party!.role)) throw new Forbidden(`Only the ${allowed.join(' or ')} records ${dto.kind} amounts`);
      const ceiling = dto.kind === 'disbursed' && sum('approved') > 0 ? sum('approved') : agreement.amount;
      if (sum(dto.kind) + (amount ?? 0) > ceiling) {
        throw new InvalidInput(
          'amount',
          `would bring ${dto.kind} to more than ${dto.kind === 'disbursed' && sum('approved') > 0 ? 'the approved' : 'the signed'} amount (${ceiling} yuan)`,
        );
      }
    }
    const entry = await manager.save(
      manager.create(LedgerEntryEntity, {
        agreementId,
        kind: dto.kind,
        amount,
        occurredOn: dto.occurredOn,
        evidence: dto.evidence ?? '',
        reason: dto.reason ?? '',
        recordedByUserId: principal.userId,
      }),
    );
    await this.audit.record(manager, {
      actorUserId: principal.userId,
      action: `agreement.${dto.kind}`,
      entityType: 'agreement',
      entityId: agreementId,
      data: { entryId: entry.id, amount, occurredOn: dto.occurredOn, ...(entry.reason ? { reason: entry.reason } : {}) },
    });
    await refreshAgreementProgress(manager, [agreementId]);
    tx.emit({ type: 'agreement.ledger_changed', eventId: agreement.eventId, agreementId });
    for (const hook of this.changedHooks) await hook(tx, agreementId, principal);
    return toEntry(entry, principal.displayName);
  }

  /** Organisers withdraw the closing entry (kept, marked reopened), with a reason: the ledger is open again. */
  async reopen(principal: Principal, agreementId: string, dto: LedgerReopenDto): Promise<LedgerEntry> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const agreement = await manager.findOne(AgreementEntity, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw new NotFound('Agreement');
      const closing = await manager.findOne(LedgerEntryEntity, { where: { agreementId, kind: In([...CLOSING_LEDGER_KINDS]), reopenedAt: IsNull() } });
      if (!closing) throw new Conflict('ledger_open', 'This agreement has not been performed or terminated; there is nothing to reopen');
      closing.reopenedAt = new Date();
      closing.reopenedByUserId = principal.userId;
      closing.reopenReason = dto.reason;
      await manager.save(closing);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'agreement.ledger_reopened',
        entityType: 'agreement',
        entityId: agreementId,
        data: { entryId: closing.id, kind: closing.kind, reason: dto.reason },
      });
      await refreshAgreementProgress(manager, [agreementId]);
      tx.emit({ type: 'agreement.ledger_changed', eventId: agreement.eventId, agreementId });
      for (const hook of this.changedHooks) await hook(tx, agreementId, principal);
      return (await this.entries(manager, agreementId)).find((e) => e.id === closing.id)!;
    });
  }

  async list(principal: Principal, agreementId: string): Promise<LedgerEntry[]> {
    const isParty = await this.dataSource.getRepository(AgreementPartyEntity).exists({ where: { agreementId, organisationId: principal.organisationId } });
    if (!isParty && !isOrganiser(principal)) throw new NotFound('Agreement');
    return this.entries(this.dataSource.manager, agreementId);
  }

  /** Whether a closing entry (performed, terminated) is in force: the agreement's follow-up has ended. */
  isClosed(manager: EntityManager, agreementId: string): Promise<boolean> {
    return manager.exists(LedgerEntryEntity, { where: { agreementId, kind: In([...CLOSING_LEDGER_KINDS]), reopenedAt: IsNull() } });
  }

  /** Entries of an agreement by id, in the order recorded (a report's lines). */
  async entriesByIds(manager: EntityManager, agreementId: string, ids: string[]): Promise<LedgerEntry[]> {
    if (ids.length === 0) return [];
    return (await this.entries(manager, agreementId)).filter((e) => ids.includes(e.id));
  }

  private async entries(manager: EntityManager, agreementId: string): Promise<LedgerEntry[]> {
    const rows = await manager
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder('e')
      .leftJoin('app_user', 'u', 'u.id = e.recordedByUserId')
      .leftJoin('app_user', 'r', 'r.id = e.reopenedByUserId')
      .addSelect('u.displayName', 'recordedBy')
      .addSelect('r.displayName', 'reopenedBy')
      .where('e.agreementId = :agreementId', { agreementId })
      // Lines filed together share their transaction's timestamp: then by the day they occurred, then by id,
      // so every read gives the same order.
      .orderBy('e.recordedAt', 'ASC')
      .addOrderBy('e.occurredOn', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawAndEntities<{ recordedBy: string | null; reopenedBy: string | null }>();
    return rows.entities.map((e, i) => toEntry(e, rows.raw[i]?.recordedBy ?? '', rows.raw[i]?.reopenedBy ?? ''));
  }

  /**
   * For organisers: per agreement, signed versus approved versus disbursed or delivered, read from
   * the progress rows the figures layer reads (decision 0015), so the two never disagree.
   */
  async eventFigures(eventId: string): Promise<EventAgreementFigures> {
    const rows: (Omit<AgreementFigures, 'agreementId' | 'signed'> & { id: string; amount: number })[] = await this.dataSource.query(
      `SELECT a.id, a.title, a.kind, a.status, a.amount::float8 AS amount, p.approved::float8 AS approved, p.disbursed::float8 AS disbursed,
              p.delivered::float8 AS delivered, p.outcome
         FROM agreement a JOIN agreement_progress p ON p."agreementId" = a.id
        WHERE a."eventId" = $1 AND a.status IN ('signed', 'confirmed')
        ORDER BY a."signedAt", a.id`,
      [eventId],
    );
    const figures: AgreementFigures[] = rows.map(({ id, amount, ...r }) => ({ agreementId: id, signed: amount, ...r }));
    const total = (k: 'signed' | 'approved' | 'disbursed' | 'delivered') => figures.reduce((t, f) => t + f[k], 0);
    return {
      eventId,
      agreements: figures,
      totals: {
        signedCount: figures.length,
        signed: total('signed'),
        approved: total('approved'),
        disbursed: total('disbursed'),
        delivered: total('delivered'),
      },
    };
  }
}

function toEntry(e: LedgerEntryEntity, recordedBy: string, reopenedBy = ''): LedgerEntry {
  return {
    id: e.id,
    agreementId: e.agreementId,
    kind: e.kind,
    amount: e.amount,
    occurredOn: e.occurredOn,
    evidence: e.evidence,
    reason: e.reason,
    recordedBy,
    recordedAt: e.recordedAt.toISOString(),
    reopened: e.reopenedAt ? { at: e.reopenedAt.toISOString(), by: reopenedBy, reason: e.reopenReason ?? '' } : null,
  };
}

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD of an instant in China. */
function chinaDay(at: Date): string {
  return CHINA_DAY.format(at);
}

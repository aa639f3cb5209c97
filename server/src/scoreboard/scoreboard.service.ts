import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  institutionClassOf,
  rankWithTies,
  type InstitutionClass,
  type OrganisationKind,
  type PlatformFigure,
  type Scoreboard,
  type ScoreboardFigure,
  type ScoreboardSettingsInput,
} from '@duijie/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { latestConfirmedFigures, platformFigures } from '../statistics/statistics.repository';
import { ScoreboardLive } from './scoreboard-live';
import { ScoreboardSettingEntity } from './scoreboard-setting.entity';

/** The figure a scoreboard ranks by until organisers choose one. */
export const DEFAULT_SCOREBOARD_FIGURE: ScoreboardFigure = 'platform.signedLoans';
/** At most this many rows are shown (the best ones). */
export const SCOREBOARD_ROWS = 100;
/** Lenders read at most: an event has tens of banks; the cap keeps a hostile or broken event cheap. */
const MAX_LENDERS = 2_000;
/** A public read is reused this long (and while it is being computed), so a push to many viewers costs one read. */
const CACHE_MS = 1_500;

const LENDER_KINDS: readonly OrganisationKind[] = ['bank', 'microlender'];

/**
 * The public scoreboard of an event: its participating banks and micro-loan companies ranked by
 * the figure the organisers chose (ties share a rank). Public once the event is: when one of its
 * sessions is out of draft, the rule the big screen and boards follow; otherwise 404.
 */
@Injectable()
export class ScoreboardService {
  private readonly cache = new Map<string, { at: number; board: Promise<Scoreboard> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly live: ScoreboardLive,
  ) {
    live.onChange((eventId) => this.cache.delete(eventId));
  }

  /** The public read: reused for a moment between changes. */
  scoreboard(eventId: string): Promise<Scoreboard> {
    const now = Date.now();
    const hit = this.cache.get(eventId);
    if (hit && now - hit.at < CACHE_MS) return hit.board;
    const board = this.compute(this.dataSource.manager, eventId);
    this.cache.set(eventId, { at: now, board });
    board.catch(() => this.cache.delete(eventId));
    if (this.cache.size > 1_000) this.cache.delete(this.cache.keys().next().value as string);
    return board;
  }

  /** Organisers choose the figure; audited; viewers are told to read the scoreboard again. */
  async setFigure(principal: Principal, eventId: string, input: ScoreboardSettingsInput): Promise<Scoreboard> {
    const board = await this.uow.run(async ({ manager }) => {
      const [event]: { id: string }[] = await manager.query(`SELECT id FROM match_event WHERE id = $1 FOR UPDATE`, [eventId]);
      if (!event) throw new NotFound('Event');
      const before = await manager.findOne(ScoreboardSettingEntity, { where: { eventId } });
      await manager.save(manager.create(ScoreboardSettingEntity, { eventId, figure: input.figure, updatedBy: principal.userId }));
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'event.scoreboard_set',
        entityType: 'event',
        entityId: eventId,
        data: { figure: input.figure, before: before?.figure ?? null },
      });
      return this.compute(manager, eventId, false);
    });
    this.live.touch(eventId);
    return board;
  }

  /**
   * Three short reads: the event with its figure and whether it is public, its lenders, and the
   * one aggregate of the chosen figure over them.
   */
  private async compute(manager: EntityManager, eventId: string, publicOnly = true): Promise<Scoreboard> {
    const [event]: { name: string; timeZone: string; figure: ScoreboardFigure | null; public: boolean }[] = await manager.query(
      `SELECT e.name, e."timeZone", s.figure,
              EXISTS (SELECT 1 FROM match_session ms WHERE ms."eventId" = e.id AND ms.status <> 'draft') AS public
         FROM match_event e LEFT JOIN scoreboard_setting s ON s."eventId" = e.id
        WHERE e.id = $1`,
      [eventId],
    );
    if (!event || (publicOnly && !event.public)) throw new NotFound('Event');
    const figure = event.figure ?? DEFAULT_SCOREBOARD_FIGURE;
    const lenders: { id: string; name: string; kind: OrganisationKind }[] = await manager.query(
      `SELECT o.id, o.name, o.kind
         FROM organisation o
        WHERE o.kind = ANY($2::text[]) AND o.status = 'approved'
          AND EXISTS (SELECT 1 FROM participation p JOIN match_session ms ON ms.id = p."sessionId"
                       WHERE p."organisationId" = o.id AND ms."eventId" = $1 AND ms.status <> 'draft' AND p.status = 'approved')
        ORDER BY o.name, o.id
        LIMIT ${MAX_LENDERS}`,
      [eventId, LENDER_KINDS],
    );
    const values = await this.values(manager, eventId, figure, lenders);
    const scored = lenders.flatMap((o) => {
      const value = values.get(o.id);
      return typeof value === 'number' && Number.isFinite(value) ? [{ o, value }] : [];
    });
    const rows = rankWithTies(scored, (r) => r.value)
      .slice(0, SCOREBOARD_ROWS)
      .map(({ row, rank, tied }) => ({ rank, tied, organisationId: row.o.id, name: row.o.name, value: row.value }));
    return { eventId, eventName: event.name, timeZone: event.timeZone, figure, rows, updatedAt: this.clock.now().toISOString() };
  }

  /** Each lender's value of the figure; absent where it has none (not rated, no accepted form). */
  private async values(
    manager: EntityManager,
    eventId: string,
    figure: ScoreboardFigure,
    lenders: { id: string; kind: OrganisationKind }[],
  ): Promise<Map<string, number | null | undefined>> {
    if (lenders.length === 0) return new Map();
    if (figure.startsWith('platform.')) {
      const organisations = lenders.map((o) => ({ id: o.id, class: institutionClassOf(o.kind) as InstitutionClass }));
      const figures = await platformFigures(manager, eventId, organisations);
      return new Map(lenders.map((o) => [o.id, figures.get(o.id)?.[figure as PlatformFigure]]));
    }
    const forms = await latestConfirmedFigures(
      manager,
      eventId,
      lenders.map((o) => o.id),
    );
    return new Map(
      lenders.map((o) => {
        const value = forms.get(o.id)?.[figure];
        return [o.id, typeof value === 'number' ? value : null];
      }),
    );
  }
}

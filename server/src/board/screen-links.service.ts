import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { ScreenLink as ScreenLinkView, ScreenLinkCreated } from '@duijie/shared';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../access/principal';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { InvalidInput, NotFound, Unauthorized } from '../common/errors';
import { EventEntity } from '../events/event.entity';
import { ScreenLinkEntity } from './screen-link.entity';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Read-only links for the venue's big screen: created and revoked by organisers. */
@Injectable()
export class ScreenLinksService {
  /** Called with a revoked link's id, so live sockets using it are cut off. */

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  async create(principal: Principal, eventId: string, input: { label: string; expiresAt?: string }): Promise<ScreenLinkCreated> {
    const { label } = input;
    return this.uow.run(async ({ manager }) => {
      const event = await manager.findOne(EventEntity, { where: { id: eventId } });
      if (!event) throw new NotFound('Event');
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : dayAfterEventEnds(event.endDate);
      if (expiresAt.getTime() <= Date.now()) throw new InvalidInput('expiresAt', 'must be in the future');
      const token = randomBytes(32).toString('base64url');
      const link = await manager.save(
        manager.create(ScreenLinkEntity, { eventId, label, tokenHash: hash(token), createdByUserId: principal.userId, expiresAt }),
      );
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'screen_link.created',
        entityType: 'event',
        entityId: eventId,
        data: { linkId: link.id, label, expiresAt: expiresAt.toISOString() },
      });
      return { ...toView(link), token, url: `${this.config.publicUrl}/screen/${eventId}?token=${token}` };
    });
  }

  async list(eventId: string): Promise<ScreenLinkView[]> {
    const links = await this.dataSource.getRepository(ScreenLinkEntity).find({ where: { eventId }, order: { createdAt: 'DESC' } });
    return links.map(toView);
  }

  async revoke(principal: Principal, id: string): Promise<ScreenLinkView> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const link = await manager.findOne(ScreenLinkEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!link) throw new NotFound('Screen link');
      if (!link.revokedAt) {
        link.revokedAt = new Date();
        await manager.save(link);
        await this.audit.record(manager, {
          actorUserId: principal.userId,
          action: 'screen_link.revoked',
          entityType: 'event',
          entityId: link.eventId,
          data: { linkId: id },
        });
      }
      // Screens still watching through it are cut off (again, if it was revoked before).
      tx.emit({ type: 'screen_link.revoked', linkId: id });
      return toView(link);
    });
  }

  /** The event a screen token may watch, and until when; refused once revoked or expired. */
  async authenticate(token: string): Promise<{ linkId: string; eventId: string; expiresAt: Date }> {
    const link = await this.dataSource
      .getRepository(ScreenLinkEntity)
      .findOne({ where: { tokenHash: hash(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    if (!link) throw new Unauthorized('This screen link is not valid, has expired or was revoked');
    return { linkId: link.id, eventId: link.eventId, expiresAt: link.expiresAt };
  }
}

/** The end of the day after the event's last day, Beijing time (UTC+8, no daylight saving). */
function dayAfterEventEnds(endDate: string): Date {
  const end = new Date(`${endDate}T00:00:00+08:00`);
  return new Date(end.getTime() + 2 * 24 * 3600_000);
}

function toView(link: ScreenLinkEntity): ScreenLinkView {
  return {
    id: link.id,
    eventId: link.eventId,
    label: link.label,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt ? link.revokedAt.toISOString() : null,
  };
}

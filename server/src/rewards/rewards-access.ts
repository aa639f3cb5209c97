import type { EntityManager } from 'typeorm';
import { isOrganiser, type Principal } from '../access/principal';
import { Forbidden, NotFound } from '../common/errors';
import { EventEntity } from '../events/event.entity';

/**
 * The event, for organisers: as everywhere on the platform, organisers (the province's
 * commissions and their departments) manage every event, so the platform's own administrator
 * and the finance office reach the rewards of an event the economic commission holds. Anyone
 * else is refused (403); an event that is not there is 404, named by `what` (the event, or a
 * program or run of it).
 */
export async function organisedEvent(manager: EntityManager, principal: Principal, eventId: string, what = 'Event'): Promise<EventEntity> {
  if (!isOrganiser(principal)) throw new Forbidden('Only organisers manage the rewards of an event');
  const event = await manager.findOne(EventEntity, { where: { id: eventId } });
  if (!event) throw new NotFound(what);
  return event;
}

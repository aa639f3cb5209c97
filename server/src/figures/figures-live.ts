import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { EventsService } from '../events/events.service';
import { BoardPublisher } from '../realtime/board-publisher';

/**
 * Tells organisers' dashboards when an event's results change: after any committed change to the
 * rows the figures count (board items, agreements, ledgers, meetings, obligations), coalesced per
 * event by the publisher, so a busy signing ceremony costs one re-read every two seconds.
 */
@Injectable()
export class FiguresLive {
  /** Sessions never move between events: their event is looked up once. */
  private readonly eventOfSession = new Map<string, string>();

  constructor(
    uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly publisher: BoardPublisher,
  ) {
    uow.on('agreement.changed', (changes) => changes.forEach(({ agreement }) => this.touch(agreement.eventId)));
    uow.on('agreement.ledger_changed', (changes) => new Set(changes.map((c) => c.eventId)).forEach((id) => this.touch(id)));
    uow.on('obligation.changed', (changes) => new Set(changes.map((c) => c.obligation.eventId)).forEach((id) => this.touch(id)));
    uow.on('board.appended', (changes) => this.touchSessions(changes.map((c) => c.event.sessionId)));
    uow.on('meetings.changed', (changes) => this.touchSessions(changes.map((c) => c.sessionId)));
  }

  private touch(eventId: string): void {
    this.publisher.publishFiguresChanged(eventId);
  }

  private async touchSessions(sessionIds: string[]): Promise<void> {
    for (const sessionId of new Set(sessionIds)) {
      let eventId = this.eventOfSession.get(sessionId);
      if (!eventId) {
        eventId = (await this.events.sessionById(sessionId))?.eventId;
        if (!eventId) continue;
        this.eventOfSession.set(sessionId, eventId);
      }
      this.touch(eventId);
    }
  }
}

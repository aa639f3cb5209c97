import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { rooms } from '@duijie/shared';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { Coalescer } from '../realtime/coalescer';
import { ScoreboardGateway } from './scoreboard.gateway';

/** An event's scoreboard is announced at most once per this interval, however busy the event. */
const SCOREBOARD_INTERVAL_MS = 2_000;

/**
 * Tells the viewers of an event's scoreboard (its room: big screens and signed-in viewers) to read
 * it again, after any committed change to what it ranks: agreements and their ledgers (signed and
 * disbursed loans), enterprises' ratings, statistics forms (accepted figures), and the organisers' choice of figure.
 * Coalesced per event; the push goes through the adapter to every process's sockets.
 */
@Injectable()
export class ScoreboardLive implements OnModuleDestroy {
  private readonly logger = new Logger('ScoreboardLive');
  private readonly coalescer = new Coalescer(SCOREBOARD_INTERVAL_MS, (error) =>
    this.logger.warn(`Could not announce a scoreboard change: ${error instanceof Error ? error.message : String(error)}`),
  );
  private readonly listeners: ((eventId: string) => void)[] = [];

  constructor(
    uow: UnitOfWork,
    private readonly gateway: ScoreboardGateway,
  ) {
    uow.on('agreement.changed', (changes) => new Set(changes.map(({ agreement }) => agreement.eventId)).forEach((id) => this.touch(id)));
    uow.on('agreement.ledger_changed', (changes) => new Set(changes.map((c) => c.eventId)).forEach((id) => this.touch(id)));
    uow.on('rating.given', (changes) => new Set(changes.map((c) => c.eventId)).forEach((id) => this.touch(id)));
    uow.on('obligation.changed', (changes) =>
      new Set(changes.filter((c) => c.obligation.kind === 'statistics_filing').map((c) => c.obligation.eventId)).forEach((id) => this.touch(id)),
    );
  }

  /** Called with the event's id as soon as its scoreboard changed (before the coalesced push). */
  onChange(listener: (eventId: string) => void): void {
    this.listeners.push(listener);
  }

  touch(eventId: string): void {
    for (const listener of this.listeners) listener(eventId);
    this.coalescer.request(eventId, async () => {
      this.gateway.server?.to(rooms.event(eventId)).emit('scoreboard:changed', { eventId });
    });
  }

  onModuleDestroy(): void {
    this.coalescer.clear();
  }
}

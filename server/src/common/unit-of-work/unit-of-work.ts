import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { recordAnswer } from '../idempotency-claim';
import type { DomainEvent, DomainEventType } from './domain-events';

/** What a change records through while it runs: its transaction, and the domain events it will tell once committed. */
export type Tx = {
  readonly manager: EntityManager;
  emit(event: DomainEvent): void;
};

/** Work registered to run last inside a running change's transaction, by its manager. */
const finishers = new WeakMap<EntityManager, (() => Promise<void>)[]>();

/**
 * Runs `finish` as the last step inside the transaction of the unit of work `manager` belongs
 * to, just before it commits (after the idempotent answer is recorded); answers false when the
 * manager is not a running unit of work's, and nothing is registered. The audit log uses it to
 * write a change's records in one INSERT, stamped with the time the change is about to commit.
 */
export function beforeCommit(manager: EntityManager, finish: () => Promise<void>): boolean {
  const list = finishers.get(manager);
  if (!list) return false;
  list.push(finish);
  return true;
}

/** A subscriber gets the events of one type that one committed change emitted, in order. */
type Subscriber<K extends DomainEventType> = (events: DomainEvent<K>[]) => void | Promise<void>;

/**
 * The one way a write runs. `run` opens the transaction; what the change records through it
 * commits with it: its rows, audit records and board events (written with `tx.manager`), and
 * the answer to the request's Idempotency-Key, which is what `work` returns. Once it has
 * committed, the domain events it emitted go to their subscribers (the board and meeting
 * pushes, match notices, ceremony figures); a change that rolls back tells nobody anything.
 *
 * Subscribers run after the answer is decided: a failing subscriber is logged and never turns
 * a committed change into an error for the user.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('UnitOfWork');
  private readonly subscribers = new Map<DomainEventType, Subscriber<never>[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `answer: false` for a write that is a step of a request whose answer comes later (a login
   * session after accepting an invitation): the interceptor stores that answer once it is known.
   */
  async run<T>(work: (tx: Tx) => Promise<T>, opts: { isolation?: IsolationLevel; answer?: boolean } = {}): Promise<T> {
    const events: DomainEvent[] = [];
    const body = async (manager: EntityManager) => {
      const finishing: (() => Promise<void>)[] = [];
      finishers.set(manager, finishing);
      try {
        const result = await work({ manager, emit: (event) => void events.push(event) });
        const answer = opts.answer === false ? result : await recordAnswer(manager, result);
        // A finisher may register another (the audit log writes once, whatever it holds then).
        for (let i = 0; i < finishing.length; i += 1) await finishing[i]();
        return answer;
      } finally {
        finishers.delete(manager);
      }
    };
    const result = opts.isolation ? await this.dataSource.transaction(opts.isolation, body) : await this.dataSource.transaction(body);
    this.dispatch(events);
    return result;
  }

  /** Called in this process after every commit that emitted events of this type. */
  on<K extends DomainEventType>(type: K, subscriber: Subscriber<K>): void {
    const list = this.subscribers.get(type) ?? [];
    list.push(subscriber as Subscriber<never>);
    this.subscribers.set(type, list);
  }

  private dispatch(events: DomainEvent[]): void {
    if (events.length === 0) return;
    const byType = new Map<DomainEventType, DomainEvent[]>();
    for (const event of events) {
      // Appended in place: a bulk import emits tens of thousands of board events in one change.
      const list = byType.get(event.type);
      if (list) list.push(event);
      else byType.set(event.type, [event]);
    }
    for (const [type, list] of byType) {
      for (const subscriber of this.subscribers.get(type) ?? []) {
        try {
          const done = (subscriber as Subscriber<DomainEventType>)(list);
          if (done instanceof Promise) done.catch((error: unknown) => this.failed(type, error));
        } catch (error) {
          this.failed(type, error);
        }
      }
    }
  }

  private failed(type: DomainEventType, error: unknown): void {
    this.logger.warn(`A subscriber to ${type} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

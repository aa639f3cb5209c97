import { Injectable, Module } from '@nestjs/common';

/**
 * The time capabilities read "now" from where a rule depends on it (when reports fall due, what
 * is overdue): one instance for the app, so a spec can move it (jest.spyOn(clock, 'now')) and
 * watch the rule follow, without faking the timers the database driver and sockets run on.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** Provides the one Clock; modules that read the time import it. */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}

import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/**
 * The job queue (infrastructure): capabilities import it to register their handlers and
 * schedules and to send jobs; it imports no capability.
 */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}

import { Module } from '@nestjs/common';
import { UnitOfWork } from './unit-of-work';

/** The unit of work every write runs in; modules that write import it. */
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
export class UnitOfWorkModule {}

import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DiskFileStore, FILE_STORE } from './file-store';

/** The file store: files on disk under DATA_DIR/files. */
@Module({
  providers: [{ provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DiskFileStore(join(config.dataDir, 'files')) }],
  exports: [FILE_STORE],
})
export class StorageModule {}

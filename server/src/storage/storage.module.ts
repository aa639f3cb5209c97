import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DiskFileStore, FILE_STORE, type FileStore } from './file-store';
import { S3FileStore } from './s3-file-store';

/** The file store: an S3-compatible bucket when S3_BUCKET is set (several machines), else files on disk under DATA_DIR/files. */
export function fileStoreFor(config: AppConfig): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new DiskFileStore(join(config.dataDir, 'files'));
}

@Module({
  providers: [{ provide: FILE_STORE, inject: [APP_CONFIG], useFactory: fileStoreFor }],
  exports: [FILE_STORE],
})
export class StorageModule {}

import { BadRequestException, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError, InvalidInput } from '../common/errors';

export const MAX_FILE_MB = 10;
export const MAX_FILES = 2;

const Files = FilesInterceptor('file', MAX_FILES, {
  limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: MAX_FILES, fields: 10 },
  // Browsers send file names in UTF-8 without saying so; multer would read them as Latin-1.
  defParamCharset: 'utf8',
} as Parameters<typeof FilesInterceptor>[2]);

/** Reads the multipart field `file` (one .xlsx, or up to two CSV files) and says clearly what was wrong with it. */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly files = new Files();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.files.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DomainError(413, 'file_too_large', `A file is larger than ${MAX_FILE_MB} MB; split it into several files and import them one after another`, [
          { field: 'file', messages: [`at most ${MAX_FILE_MB} MB`] },
        ]);
      }
      if (error instanceof BadRequestException) {
        throw new InvalidInput('file', `send the workbook (or at most ${MAX_FILES} CSV files) as multipart/form-data in the field “file” (${error.message})`);
      }
      throw error;
    }
  }
}

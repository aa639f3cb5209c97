import { BadRequestException, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError, InvalidInput } from '../common/errors';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_MB } from '../storage/evidence';

const File = FileInterceptor('file', {
  limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 },
  // Browsers send file names in UTF-8 without saying so; multer would read them as Latin-1.
  defParamCharset: 'utf8',
} as Parameters<typeof FileInterceptor>[1]);

/** Reads one evidence file from the multipart field `file` and says clearly what was wrong with it. */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly file = new File();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.file.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DomainError(413, 'file_too_large', `The file is larger than ${EVIDENCE_MAX_MB} MB; scan it at a lower resolution or split it`, [
          { field: 'file', messages: [`at most ${EVIDENCE_MAX_MB} MB`] },
        ]);
      }
      if (error instanceof BadRequestException) {
        throw new InvalidInput('file', `send one PDF, PNG or JPEG file as multipart/form-data in the field “file” (${error.message})`);
      }
      throw error;
    }
  }
}

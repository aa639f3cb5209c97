import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { ApiError } from '@duijie/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, TooManyRequests } from './errors';

const PG_UNIQUE_VIOLATION = '23505';
const PG_INVALID_TEXT = '22P02';

/** One place that turns every failure into an ApiError body; unknown errors are 500s and logged. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toApiError(error);
    if (error instanceof TooManyRequests) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  private toApiError(error: unknown): ApiError {
    if (error instanceof DomainError) {
      return { ...error.details, statusCode: error.status, code: error.code, message: error.message, fields: error.fields };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) return response as ApiError;
      return { statusCode: status, code: httpCode(status), message: error.message };
    }
    if (error instanceof QueryFailedError) {
      const pgCode = (error.driverError as { code?: string }).code;
      if (pgCode === PG_UNIQUE_VIOLATION) {
        return { statusCode: 409, code: 'duplicate', message: 'This already exists' };
      }
      if (pgCode === PG_INVALID_TEXT) {
        return { statusCode: 400, code: 'invalid_input', message: 'A value has the wrong format' };
      }
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side; please try again' };
  }
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    default:
      return `http_${status}`;
  }
}

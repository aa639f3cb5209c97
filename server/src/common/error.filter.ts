import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@duijie/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailable, DomainError, TooManyRequests } from './errors';

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
    if (isConnectionLoss(error)) {
      this.logger.warn(`Database unavailable: ${(error as Error).message}`);
      return this.toApiError(new DatabaseUnavailable());
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side; please try again' };
  }
}

/** Network codes of a refused or broken connection, and PostgreSQL's shutdown/terminated/starting codes. */
const CONNECTION_LOSS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** The database went away under the request (it is not the request's fault): a 503 to retry. */
function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; message?: string }) : (error as { code?: string });
  if (driver.code && CONNECTION_LOSS.has(driver.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(error.message);
}

function httpCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}

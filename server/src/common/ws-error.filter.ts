import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from './errors';

/**
 * Socket.io counterpart of ErrorFilter: a refused message (the global pipe's 400, a domain
 * error) is answered through its acknowledgement as `{ ok: false, code, message, fields }`, as
 * the handlers answer; without one it is an `exception` event. Never echoes the payload back
 * (Nest's default filter does, which for a deeply nested payload is itself a hazard).
 */
@Catch()
export class WsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WsErrors');

  catch(error: unknown, host: ArgumentsHost): void {
    const client = host.switchToWs().getClient<{ emit(event: string, body: unknown): void }>();
    const body = this.toAnswer(error);
    const ack = host.getArgs().find((arg): arg is (answer: unknown) => void => typeof arg === 'function');
    if (ack) ack(body);
    else client.emit('exception', body);
  }

  private toAnswer(error: unknown): { ok: false; code: string; message: string; fields?: unknown } {
    if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message, fields: error.fields };
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const r = (typeof response === 'object' && response !== null ? response : {}) as { code?: string; message?: string; fields?: unknown };
      return { ok: false, code: r.code ?? 'invalid', message: r.message ?? error.message, fields: r.fields };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { ok: false, code: 'internal', message: 'Something went wrong on our side; please try again' };
  }
}

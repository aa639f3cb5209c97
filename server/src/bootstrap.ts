import 'reflect-metadata';
import { type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { precompressedAssets, staticAssetHeaders } from './common/static-assets';
import { createValidationPipe } from './common/validation';
import { ClusterIoAdapter } from './realtime/socket-adapter';
import type { AppConfig } from './config/config';

/**
 * helmet's headers with a CSP the client and the big screen pass: scripts only from here;
 * inline styles allowed because antd writes its CSS-in-JS into <style> tags at run time;
 * fonts and images from here or data: URLs; sockets to this origin. Swagger UI keeps its own.
 */
function securityHeaders() {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const docs = helmet({ contentSecurityPolicy: false });
  return (req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next);
}

const socketAdapters = new WeakMap<INestApplication, ClusterIoAdapter>();

/** Closes the sockets of an app built by createApp, as a lost transport: their clients reconnect. */
export function closeSockets(app: INestApplication): void {
  socketAdapters.get(app)?.closeSockets();
}

/** Builds the Nest application: API under /api, its OpenAPI document at /api/docs, the client at /. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: LoggerService | LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, databaseUrl), { logger, bodyParser: true });
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // No enableShutdownHooks(): main.ts owns SIGINT/SIGTERM and closes the app in its own order.
  const sockets = new ClusterIoAdapter(app, { databaseUrl, redisUrl: config.redisUrl, socketMessagesPerSecond: config.socketMessagesPerSecond });
  await sockets.connect();
  app.useWebSocketAdapter(sockets);
  socketAdapters.set(app, sockets);

  SwaggerModule.setup('api/docs', app, apiDocument(), { jsonDocumentUrl: 'api/docs/openapi.json' });

  if (config.clientDist && existsSync(join(config.clientDist, 'index.html'))) {
    const index = join(config.clientDist, 'index.html');
    // Brotli or gzip twins written by the client build first, then the files as they are.
    app.use(precompressedAssets(config.clientDist));
    app.useStaticAssets(config.clientDist, { index: false, setHeaders: staticAssetHeaders(config.clientDist) });
    // The client routes in the browser: any other GET outside /api gets index.html.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  return app;
}

/** The API document generated from the route table (shared/openapi.json, kept current by `npm run check`). */
export function apiDocument(): OpenAPIObject {
  return JSON.parse(readFileSync(require.resolve('@duijie/shared/openapi.json'), 'utf8')) as OpenAPIObject;
}

// The routes and socket.io message handlers of a running app, read from the app itself, so
// tests that must cover "every route" cover new routes without being edited:
// - routeTable(): everything the Express router answers (Swagger's pages too), for the
//   authorisation matrix;
// - controllerRoutes(): Nest's controller routes with their body and query DTOs, for the fuzz run;
// - messageHandlers(): every @SubscribeMessage handler.
import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';

/** RouteParamtypes of @nestjs/common: where an argument of a handler comes from. */
const BODY = 3;
const QUERY = 4;

export type RouteInfo = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With the global prefix: `/api/listings/:id`. */
  path: string;
  controller: string;
  handler: string;
  /** Path parameters, in the order they appear in the path. */
  params: string[];
  /** The DTO class of the body, if the handler takes one. */
  body: Type | null;
  /** The DTO class of the query, if the handler takes one as a whole. */
  query: Type | null;
};

export type MessageHandlerInfo = { gateway: string; handler: string; message: string };

const METHODS: Partial<Record<RequestMethod, RouteInfo['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '/']);
const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');

/** The controllers' routes with their DTOs (global prefix given, as Nest does not expose it). */
export function controllerRoutes(app: INestApplication, prefix = 'api'): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handler of scanner.getAllMethodNames(prototype)) {
      const target = prototype[handler] as object;
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod];
      const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, target);
      if (!method || methodPath === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, handler) ?? []) as Type[];
      const dtoOf = (paramtype: number): Type | null => {
        const arg = Object.entries(args).find(([key, a]) => key.startsWith(`${paramtype}:`) && a.data === undefined)?.[1];
        const type = arg ? types[arg.index] : undefined;
        return type && type !== Object ? type : null;
      };
      for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const sub of asList(methodPath)) {
          const path = join(prefix, base, sub);
          routes.push({
            method,
            path,
            controller: controller.name,
            handler,
            params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
            body: dtoOf(BODY),
            query: dtoOf(QUERY),
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The @SubscribeMessage handlers of every gateway. */
export function messageHandlers(app: INestApplication): MessageHandlerInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const handlers: MessageHandlerInfo[] = [];
  for (const wrapper of discovery.getProviders()) {
    const gateway = wrapper.metatype as Type | undefined;
    if (!gateway || !Reflect.getMetadata(GATEWAY_METADATA, gateway)) continue;
    const prototype = gateway.prototype as Record<string, unknown>;
    for (const handler of scanner.getAllMethodNames(prototype)) {
      const target = prototype[handler] as object;
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, target)) continue;
      handlers.push({ gateway: gateway.name, handler, message: String(Reflect.getMetadata(MESSAGE_METADATA, target)) });
    }
  }
  return handlers;
}

export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With the global prefix and `:param` placeholders, as Express matches it: `/api/listings/:id`. */
  path: string;
  /** `GET /api/listings/:id`: the key the security policy uses. */
  key: string;
  params: string[];
};

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };

/** Every route the Express router answers, after the app is initialised. */
export function routeTable(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack;
  if (!stack) throw new Error('No Express router: has the app been initialised?');
  const routes = new Map<string, Route>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const path of [layer.route.path].flat()) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (!on || method === '_all') continue;
        const upper = method.toUpperCase() as Route['method'];
        const key = `${upper} ${path}`;
        routes.set(key, { method: upper, path, key, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]) });
      }
    }
  }
  return [...routes.values()];
}

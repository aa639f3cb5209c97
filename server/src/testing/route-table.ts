// Every HTTP route the running app answers, read from the Express router after Nest has
// mounted its controllers (and Swagger its pages): new routes show up without a hand list.
import type { INestApplication } from '@nestjs/common';

export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With the global prefix and `:param` placeholders, as Express matches it: `/api/listings/:id`. */
  path: string;
  /** `GET /api/listings/:id`: the key the security policy uses. */
  key: string;
  params: string[];
};

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } };

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

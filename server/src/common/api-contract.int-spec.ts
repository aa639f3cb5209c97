// The HTTP contract (shared/src/contract) against the running app and the API document generated
// from it: the same routes, the same bodies and queries as the DTOs validate, and a schema for
// every request and response.
import { getMetadataStorage } from 'class-validator';
import { routes, type Route } from '@duijie/shared';
import { TestApp } from '../testing/test-app';
import { controllerRoutes, type RouteInfo } from '../testing/route-table';
import { apiDocument } from '../bootstrap';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
};
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

const document = apiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;

const contract: { key: string; route: Route }[] = Object.entries(routes).flatMap(([area, table]) =>
  Object.entries(table as Record<string, Route>).map(([name, route]) => ({ key: `${area}.${name}`, route })),
);
const operationOf = (route: Route): Operation | undefined => document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];

function deref(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const name = decodeURIComponent(current.$ref.replace('#/components/schemas/', ''));
    const next = schemas[name];
    if (!next) throw new Error(`unresolved ${current.$ref}`);
    current = next;
  }
  return current;
}

/** The property names an object schema allows (an intersection or alias followed). */
function propertyNames(schema: Schema): string[] {
  const s = deref(schema);
  if (s.allOf) return s.allOf.flatMap(propertyNames);
  return Object.keys(s.properties ?? {});
}

/** The DTO's validated properties: what the ValidationPipe lets through. */
const dtoProperties = (dto: NonNullable<RouteInfo['body']>) =>
  [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .map((m) => m.propertyName),
    ),
  ].sort();

describe('the HTTP contract', () => {
  let t: TestApp;
  let served: RouteInfo[];

  beforeAll(async () => {
    t = await TestApp.start();
    served = controllerRoutes(t.app);
  });
  afterAll(() => t.close());

  it('is every route the app serves, and no other', () => {
    const inApp = served.map((r) => `${r.method} ${r.path}`).sort();
    const inContract = contract.map(({ route }) => `${route.method} /api${route.path}`).sort();
    expect(inApp).toEqual(inContract);
    expect(new Set(inContract).size).toBe(inContract.length);
  });

  it('declares a body and a query exactly where the handler validates one, with the same fields', () => {
    const mismatches: string[] = [];
    for (const info of served) {
      const entry = contract.find(({ route }) => route.method === info.method && `/api${route.path}` === info.path);
      const op = entry && operationOf(entry.route);
      if (!entry || !op) continue;
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      if (info.body && !bodySchema) mismatches.push(`${entry.key}: the handler validates a body the contract does not declare`);
      if (!info.body && bodySchema) mismatches.push(`${entry.key}: the contract declares a body the handler does not validate`);
      if (info.body && bodySchema) {
        const declared = propertyNames(bodySchema).sort();
        const validated = dtoProperties(info.body);
        if (JSON.stringify(declared) !== JSON.stringify(validated)) mismatches.push(`${entry.key}: body ${declared.join(',')} ≠ DTO ${validated.join(',')}`);
      }
      const queryNames = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
      if (info.query) {
        const validated = dtoProperties(info.query);
        if (JSON.stringify(queryNames) !== JSON.stringify(validated))
          mismatches.push(`${entry.key}: query ${queryNames.join(',')} ≠ DTO ${validated.join(',')}`);
      } else if (queryNames.length > 0) mismatches.push(`${entry.key}: the contract declares a query the handler does not validate`);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the API document a schema for every request and response', () => {
    const problems: string[] = [];
    for (const { key, route } of contract) {
      const op = operationOf(route);
      if (!op) {
        problems.push(`${key}: not in the document`);
        continue;
      }
      const success = op.responses[String(route.status)];
      if (!success) problems.push(`${key}: no ${route.status} response`);
      for (const [type, media] of Object.entries({ ...op.requestBody?.content, ...success?.content })) {
        if (!media.schema || Object.keys(media.schema).length === 0) problems.push(`${key}: empty ${type} schema`);
      }
      if (!op.responses.default?.content) problems.push(`${key}: no error response`);
    }
    // No schema is an object that says nothing about its fields.
    for (const [name, schema] of Object.entries(schemas)) {
      const { type, properties, additionalProperties, allOf, anyOf, oneOf } = schema;
      if (type === 'object' && !properties && additionalProperties === undefined && !allOf && !anyOf && !oneOf)
        problems.push(`schema ${name} is an empty object`);
    }
    // Every reference resolves.
    for (const ref of JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)) {
      try {
        deref({ $ref: ref[1] });
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
    expect(contract.length).toBeGreaterThan(100);
  });

  it('serves the document at /api/docs/openapi.json', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(res.body).toEqual(document);
  });
});

// Writes shared/openapi.json from the route table (src/contract): paths and methods from the table at
// run time, schemas from the TypeScript types each route declares. `--check` fails when the checked-in
// document is not what the table gives (run by `npm run check`).
import { readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const contractDir = join(root, 'src', 'contract');
const outFile = join(root, 'openapi.json');
const typesFile = join(contractDir, 'openapi-types.generated.ts');
const check = process.argv.includes('--check');

/** Each route's type texts, read from `key: route<{ body: …; query: …; output: … }>()(…)` in the source. */
function readRouteTypes() {
  const imports = [];
  const types = new Map(); // 'area.key' → { body, query, output }
  for (const name of readdirSync(contractDir).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.spec.ts') || name === 'route.ts' || name === 'index.ts' || name.includes('generated')) continue;
    const text = readFileSync(join(contractDir, name), 'utf8');
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && statement.moduleSpecifier.getText(source) !== "'./route'") imports.push(statement.getText(source));
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const area = declaration.name.getText(source);
        if (!declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) continue;
        for (const property of declaration.initializer.properties) {
          const call = ts.isPropertyAssignment(property) ? property.initializer : undefined;
          const inner = call && ts.isCallExpression(call) && ts.isCallExpression(call.expression) ? call.expression : undefined;
          const literal = inner?.typeArguments?.[0];
          if (!literal || !ts.isTypeLiteralNode(literal)) throw new Error(`${name}: ${property.getText(source).slice(0, 60)} is not route<{…}>()(…)`);
          const entry = {};
          for (const member of literal.members) entry[member.name.getText(source)] = member.type.getText(source);
          types.set(`${area}.${property.name.getText(source)}`, entry);
        }
      }
    }
  }
  return { imports: [...new Set(imports)], types };
}

const pascal = (key) => key.replace(/(^|[._])([a-z])/g, (_, __, c) => c.toUpperCase());
const NO_SCHEMA = new Set(['void', 'FileAnswer']);

function schemas(imports, types) {
  const aliases = [`import type { ApiError } from '../api';`, ...imports, ''];
  aliases.push('export type ApiErrorBody = ApiError;');
  for (const [key, entry] of types) {
    for (const part of ['body', 'query', 'output']) {
      if (entry[part] && !NO_SCHEMA.has(entry[part])) aliases.push(`export type ${pascal(key)}${pascal(part)} = ${entry[part]};`);
    }
  }
  writeFileSync(typesFile, aliases.join('\n') + '\n');
  try {
    const generator = createGenerator({
      path: typesFile,
      tsconfig: join(root, 'tsconfig.json'),
      type: '*',
      expose: 'export',
      topRef: true,
      jsDoc: 'extended',
      skipTypeCheck: true,
      additionalProperties: false,
      sortProps: true,
    });
    const definitions = generator.createSchema('*').definitions ?? {};
    return JSON.parse(JSON.stringify(definitions).replaceAll('#/definitions/', '#/components/schemas/'));
  } finally {
    rmSync(typesFile, { force: true });
  }
}

function resolve(schema, all) {
  while (schema?.$ref) schema = all[decodeURIComponent(schema.$ref.split('/').pop())];
  return schema;
}

function operation(key, route, entry, all) {
  const ref = (part) => ({ $ref: `#/components/schemas/${pascal(key)}${pascal(part)}` });
  const parameters = [...route.path.matchAll(/:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (entry.query) {
    const query = resolve(ref('query'), all);
    if (!query?.properties) throw new Error(`${key}: the query type must be an object type`);
    for (const [name, schema] of Object.entries(query.properties)) {
      parameters.push({ name, in: 'query', required: (query.required ?? []).includes(name), schema });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 200 },
      description: 'A retry with the same key answers the first answer',
    });
  }
  const op = { operationId: key, summary: route.summary, tags: [key.split('.')[0]] };
  if (parameters.length > 0) op.parameters = parameters;
  if (route.public) op.security = [];
  if (route.multipart) {
    const files = { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } }, required: ['file'] };
    op.requestBody = { required: true, content: { 'multipart/form-data': { schema: files } } };
  } else if (entry.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: ref('body') } } };
  }
  const success = { description: 'Success' };
  if (route.file) success.content = { [route.file]: { schema: { type: 'string', format: 'binary' } } };
  else if (entry.output !== 'void') success.content = { 'application/json': { schema: ref('output') } };
  const codes = route.errors?.length ? ` Codes of this route: ${route.errors.join(', ')}.` : '';
  op.responses = {
    [route.status]: success,
    ...Object.fromEntries(Object.entries(route.alsoAnswers ?? {}).map(([status, description]) => [status, { ...success, description }])),
    default: { description: `An ApiError.${codes}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } } },
  };
  return op;
}

const { routes } = await import(join(root, 'dist', 'contract', 'index.js'));
const { imports, types } = readRouteTypes();
const all = schemas(imports, types);
const paths = {};
for (const [area, table] of Object.entries(routes)) {
  for (const [name, route] of Object.entries(table)) {
    const key = `${area}.${name}`;
    const entry = types.get(key);
    if (!entry) throw new Error(`${key}: no types read from the source`);
    const path = route.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(key, route, entry, all);
  }
}
const document = {
  openapi: '3.1.0',
  info: {
    title: 'Duijie API',
    version: '0.1.0',
    description: '对接: matchmaking events. Paths are under /api. Amounts are integer yuan; rates are basis points. Generated from shared/src/contract.',
  },
  servers: [{ url: '/api' }],
  security: [{ session: [] }, { bearer: [] }],
  paths,
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'duijie_session', description: 'Writes also send the duijie_csrf cookie in X-CSRF-Token' },
      bearer: { type: 'http', scheme: 'bearer' },
    },
    schemas: all,
  },
};
const text = JSON.stringify(document, null, 2) + '\n';
if (check) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('shared/openapi.json is not what the route table gives: run `npm run openapi -w shared` and commit it.');
    process.exit(1);
  }
} else {
  writeFileSync(outFile, text);
  console.log(`shared/openapi.json: ${Object.keys(paths).length} paths, ${Object.keys(all).length} schemas`);
}

// Lets plain Node (e.g. a worker thread started from a Jest spec) require the TypeScript sources:
// .ts files are compiled to CommonJS on the fly with @swc/core, as Jest's own transform does.
// Production code runs compiled (dist) and never loads this.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
      // Dynamic import() stays a real import: ES-module-only packages (cadical-wasm) load as in production.
      module: { type: 'commonjs', ignoreDynamic: true },
      sourceMaps: 'inline',
    });
    module._compile(code, filename);
  };
}

// One jest project per workspace package; tests run from TypeScript sources
// (no build needed) and @corral/* imports resolve to each package's src/.
const fs = require('node:fs');
const path = require('node:path');

const roots = ['packages', 'plugins', 'apps', 'tools'];
const packages = roots.flatMap((root) => {
  const dir = path.join(__dirname, root);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => fs.existsSync(path.join(p, 'package.json')) && fs.existsSync(path.join(p, 'src')))
    .map((p) => ({ dir: p, name: JSON.parse(fs.readFileSync(path.join(p, 'package.json'), 'utf8')).name }));
});

const moduleNameMapper = Object.fromEntries(
  packages.map(({ dir, name }) => [`^${name.replace('/', '\\/')}$`, path.join(dir, 'src/index.ts')]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  projects: packages.map(({ dir, name }) => ({
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.ts$': swc },
    moduleNameMapper,
    setupFiles: [path.join(__dirname, 'tools/jest/setup.js')],
  })),
  testTimeout: 30000,
};

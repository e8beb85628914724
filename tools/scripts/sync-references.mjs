#!/usr/bin/env node
// Keeps TypeScript project references in step with package.json: each
// package's tsconfig.json references the @corral/* packages it depends on,
// and tsconfig.build.json lists every package. Run after changing dependencies.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dirs = ['packages', 'plugins', 'apps', 'tools']
  .flatMap((d) => (fs.existsSync(path.join(root, d)) ? fs.readdirSync(path.join(root, d)).map((n) => `${d}/${n}`) : []))
  .filter((d) => fs.existsSync(path.join(root, d, 'package.json')) && fs.existsSync(path.join(root, d, 'tsconfig.json')));
const byName = new Map(dirs.map((d) => [JSON.parse(fs.readFileSync(path.join(root, d, 'package.json'), 'utf8')).name, d]));

for (const dir of dirs) {
  const pkgFile = path.join(root, dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  const deps = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies };
  const refs = Object.keys(deps).filter((n) => byName.has(n)).sort().map((n) => ({ path: path.relative(dir, byName.get(n)) }));
  const tsFile = path.join(root, dir, 'tsconfig.json');
  const ts = JSON.parse(fs.readFileSync(tsFile, 'utf8'));
  ts.references = refs;
  fs.writeFileSync(tsFile, JSON.stringify(ts, null, 2) + '\n');
}
const build = { files: [], references: dirs.map((d) => ({ path: d })) };
fs.writeFileSync(path.join(root, 'tsconfig.build.json'), JSON.stringify(build, null, 2) + '\n');
console.log(`synced ${dirs.length} projects`);

#!/usr/bin/env bash
# Scaffolds one workspace package: new-package.sh <dir> <name> <layer-tag> "<description>"
# Writes package.json, tsconfig.json, README.md and src/index.ts; dependencies are added by hand.
set -euo pipefail
dir=$1 name=$2 tag=$3 desc=$4
mkdir -p "$dir/src"
cat > "$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "Apache-2.0",
  "main": "dist/index.js",
  "types": "dist/index.d.ts",
  "files": ["dist"],
  "nx": { "tags": ["$tag"] },
  "scripts": {
    "build": "tsc -b",
    "test": "jest -c ../../jest.config.js --selectProjects $name --passWithNoTests"
  },
  "dependencies": {}
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "tsBuildInfoFile": "dist/.tsbuildinfo" },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"],
  "references": []
}
JSON
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
[ -f "$dir/README.md" ] || printf '# %s\n\n%s\n' "$name" "$desc" > "$dir/README.md"

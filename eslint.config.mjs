// Lint: TypeScript rules plus the layer rules of docs/design.md ("Layers").
// A layer may import only the layers listed for it; a wrong import fails `npm run lint`.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const layers = {
  'layer:contracts': [],
  'layer:model': [],
  'layer:codec': [],
  'layer:query': [],
  'layer:auth': ['layer:contracts'],
  'layer:http': ['layer:codec', 'layer:auth'],
  'layer:store': ['layer:contracts', 'layer:model'],
  'layer:opcodes': ['layer:contracts', 'layer:model', 'layer:store'],
  'layer:jobs': ['layer:contracts', 'layer:model', 'layer:store', 'layer:opcodes', 'layer:query'],
  'layer:rapi': [
    'layer:contracts', 'layer:model', 'layer:store', 'layer:opcodes', 'layer:jobs',
    'layer:http', 'layer:codec', 'layer:auth', 'layer:query',
  ],
  'layer:plugin': ['layer:contracts', 'layer:model'],
  'layer:client': [],
  'layer:app': ['*'],
  'layer:tool': ['*'],
};

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.nx/**', 'data/**'] },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: Object.entries(layers).map(([sourceTag, onlyDependOnLibsWithTags]) => ({
            sourceTag,
            onlyDependOnLibsWithTags,
          })),
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

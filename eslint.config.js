// Lint: TypeScript-aware recommended rules plus the module boundaries of ARCHITECTURE.md:
// engines import nothing from api/, resolvers/, Prisma, graphql or dataloader; resolvers never
// touch the Prisma client or the database module.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const prismaAndDb = [
  { group: ['@prisma/*', '**/api/db', '**/api/db/*', '**/db/generated/*'], message: 'resolvers must not touch Prisma or the database: call ctx.services.* instead.' },
];

module.exports = tseslint.config(
  {
    ignores: ['node_modules/**', 'api/db/generated/**', 'resolvers/__generated__/**', 'client/gql/**', 'bench/.data/**', 'bench/results/**', 'coverage/**', 'dist/**', 'engines/audio/kernel/**', 'engines/integration/kernel/**', '.tmp/**', '.trebuchet/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['engines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/api', '**/api/*', '**/api/**'], message: 'engines are pure libraries: no imports from api/.' },
            { group: ['**/resolvers', '**/resolvers/**'], message: 'engines are pure libraries: no imports from resolvers/.' },
            { group: ['@prisma/*', 'prisma', '**/generated/*'], message: 'engines must not use Prisma.' },
            { group: ['graphql', 'graphql/*', 'dataloader', '@apollo/*', 'graphql-ws', 'graphql-ws/*'], message: 'engines know nothing of GraphQL.' },
          ],
        },
      ],
    },
  },
  {
    files: ['resolvers/**/*.ts'],
    ignores: ['resolvers/__generated__/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: prismaAndDb }],
    },
  },
);

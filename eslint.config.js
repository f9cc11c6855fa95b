// Lint config. The layer rules below are the process boundaries from the architecture notes:
// a violation fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'worker_threads',
  'stream',
];

/** Builds a no-restricted-imports rule from forbidden module patterns. */
const forbid = (groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map(({ group, message }) => ({ group, message })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-artifacts/**',
      'seeds/**',
      '.folio-tmp/**',
      '.tmp-*/**',
      // Scratch space, ignored by git as well.
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid([
      {
        group: [
          'electron',
          'electron/*',
          ...nodeBuiltins,
          'lowdb',
          'lowdb/*',
          'cheerio',
          'react',
          'react-dom',
        ],
        message: 'shared/ is the platform-free contract.',
      },
      {
        group: ['**/renderer/**', '**/electron/**'],
        message: 'shared/ imports nothing from the faces or the UI.',
      },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid([
      {
        group: ['electron', 'electron/*'],
        message: 'The core runs in plain Node: no electron imports.',
      },
      {
        group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', '**/shell/**'],
        message: 'The core does not import its faces or the UI.',
      },
    ]),
  },
  {
    files: [
      'electron/main/**/*.ts',
      'electron/preload/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/shell/**/*.ts',
    ],
    rules: forbid([{ group: ['**/renderer/**'], message: 'Faces never import the renderer.' }]),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([
        {
          group: ['electron', 'electron/*', ...nodeBuiltins, 'lowdb', 'lowdb/*', 'cheerio'],
          message: 'The renderer runs in a sandboxed page: no electron, Node or core imports.',
        },
        { group: ['**/electron/**'], message: 'The renderer talks only to the shared contract.' },
      ]),
    },
  },
);

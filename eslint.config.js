// ESLint for the whole repository: the recommended JavaScript and typescript-eslint rules, with
// formatting left to Prettier (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-pack/**',
      'coverage/**',
      '.bench-tmp/**',
      '.attio-plg/**',
      '**/node_modules/**',
      // Recorded from the transformer as rudder-transformer's --generate would write them.
      'test/integrations/destinations/attio_plg/network.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Mapping and the emulator reject control characters in names, ids and emails on purpose.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tests read the emulator's and the platforms' untyped JSON answers; src keeps no-explicit-any.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS on purpose: the peak-RSS probe, and the fixtures that stand in for CommonJS hosts.
    files: ['**/*.cjs', 'test/**/fixtures/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);

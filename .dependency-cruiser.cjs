/**
 * The direction of `src`'s imports, checked by `npm run lint:deps` (and test/architecture.test.ts).
 *
 * Only runtime imports count: `tsPreCompilationDeps: false` reads each module as TypeScript emits it, so
 * `import type` (and an import used only as a type) is gone, and a type may point anywhere. Reading the
 * emitted code also avoids a cycle search that stops at the first cycle it finds, which may run through a
 * type-only import and hide a runtime one behind it.
 */
/** Everything of the connector: what the emulator and the platform simulators must never import. */
const CONNECTOR = ['^src/(core|mapping|destinations|cli|sample)/', '^src/(index|pipeline)\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A runtime import cycle: its modules can be neither read nor tested apart, and load order decides what is undefined.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-core',
      severity: 'error',
      comment:
        'The core serves every adapter: it imports no mapping, adapter, command, emulator or simulator, only itself and src/lib.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core|lib)/' },
    },
    {
      name: 'core-no-platform',
      severity: 'error',
      comment: 'The core runs on any platform: Segment and RudderStack packages belong to their adapters.',
      from: { path: '^src/core/' },
      to: { path: ['(^|/)node_modules/@segment/', '(^|/)node_modules/@rudderstack/'] },
    },
    {
      name: 'mapping-below-adapters',
      severity: 'error',
      comment: 'The mapping serves the adapters and the CLI: it imports only the core and src/lib.',
      from: { path: '^src/mapping/' },
      to: { path: '^src/', pathNot: '^src/(core|mapping|lib)/' },
    },
    {
      name: 'mapping-no-platform',
      severity: 'error',
      comment: 'The mapping is shared by both platforms: their packages belong to their adapters.',
      from: { path: '^src/mapping/' },
      to: { path: ['(^|/)node_modules/@segment/', '(^|/)node_modules/@rudderstack/'] },
    },
    {
      name: 'emulator-and-simulators-apart',
      severity: 'error',
      comment:
        'The Attio emulator and the platform simulators stand in for others: they import nothing of the connector.',
      from: { path: '^src/(emulator|simulators)/' },
      to: { path: CONNECTOR },
    },
    {
      name: 'lib-imports-nothing',
      severity: 'error',
      comment: 'src/lib holds helpers every part may import, so it imports no part itself.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

// Tests of the HTTP layer build a copy of their own (test/http/built-app.ts), so they never race
// or use a stale `npm run build`.
const testBuild = process.env.SPEAKUP_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ...(testBuild ? { serverBuildPath: `${testBuild}/index.js`, assetsBuildDirectory: `${testBuild}/public/build` } : {}),
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // Server-only native and mail modules stay external; everything the browser needs is bundled.
  serverDependenciesToBundle: [/^govuk-frontend/],
  browserNodeBuiltinsPolyfill: { modules: {} },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};

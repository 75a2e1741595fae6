/// <reference types="@remix-run/dev" />
import "@remix-run/node";

// Turns on single-fetch types for loaders and actions (see remix.config.js).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** The client's IP address as Express sees it (set TRUST_PROXY behind a proxy). */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce, for the inline scripts Remix writes. */
    cspNonce?: string;
  }
}

import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (server/app.ts), handed from
// entry.server.tsx to the root's <Scripts> and <ScrollRestoration>. In the browser it is "":
// browsers hide nonces from scripts, and scripts added after load need none.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

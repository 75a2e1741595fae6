// Every address no other route answers: "Page not found" from the root's error page. Matching
// it here, rather than letting nothing match, also keeps React Router from writing the whole
// address (with any token or query string in it) to the log outside production.
import type { PageScripts } from "~/components/page-scripts";

// "Page not found" needs no script: not hydrated, as public pages are not (docs/decisions/046).
export const handle: PageScripts = { react: false };

export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

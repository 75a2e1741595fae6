import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicScript } from "~/browser/public-script.server";

// The public pages' one script (docs/decisions/046). Its name carries a hash of its content, so
// browsers keep it for good, as they keep everything under /build.
export function loader({ params }: LoaderFunctionArgs) {
  if (params.file !== publicScript.file) throw new Response("Not Found", { status: 404 });
  return new Response(publicScript.code, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}

// The read pool's worker module (read-pool.server.ts gives it to piscina): plain JavaScript, as a
// worker thread does not inherit tsx's loader from the server (nor vitest's); it registers tsx and
// hands piscina the TypeScript handler.
import { register } from "tsx/esm/api";

register();
const { default: readWorker } = await import(new URL("./read-worker.server.ts", import.meta.url).href);
export default readWorker;

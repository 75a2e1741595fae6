// The report worker's first module (report-runner.server.ts): plain JavaScript, as a worker thread
// does not inherit tsx's loader from the server; it registers tsx and then loads the TypeScript.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

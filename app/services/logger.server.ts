// Logs say what happened to which record id, never who: no names, emails, answers or bodies.
function line(level: string, message: string, error?: unknown) {
  const detail =
    error instanceof Error ? ` ${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ""}` : "";
  return `${new Date().toISOString()} ${level} ${message}${detail}`;
}

export const logger = {
  info(message: string) {
    console.log(line("info", message));
  },
  warn(message: string, error?: unknown) {
    console.warn(line("warn", message, error));
  },
  error(message: string, error?: unknown) {
    console.error(line("error", message, error));
  },
};

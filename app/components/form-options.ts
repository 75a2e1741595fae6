import type { DefaultValue, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type * as z from "zod/mini";

// Apart from form-fields.tsx so that pages checked by the server alone (the public form: see
// serverCheckedFormOptions there) do not bring zod into the browser (docs/decisions/036).

/**
 * Conform options for a form: the browser checks with the same schema as the server, and the
 * server's reply (lastResult) shows its errors when JavaScript is off.
 */
export function formOptions<Schema extends z.ZodMiniType>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaultValue?: Record<string, unknown>,
) {
  return {
    id,
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>>,
    shouldValidate: "onSubmit" as const,
    shouldRevalidate: "onInput" as const,
    onValidate({ formData }: { formData: FormData }) {
      return parseWithZod(formData, { schema });
    },
  };
}

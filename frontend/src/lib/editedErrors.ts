import type { CombinedError } from "@urql/core";
import { useState } from "react";
import { toFormErrors, withoutFields, type FormErrors } from "./errors";

/**
 * useEditedErrors gives a form the errors of its last request, less those
 * of the fields edited since, and less the form's own error once anything
 * was edited: no error stays on screen after the person changed what it was
 * about. edit marks a field edited; sent starts over for a new request.
 */
export function useEditedErrors(
  error: CombinedError | undefined | null,
  fields: readonly string[],
  networkMessage: string,
): { errs: FormErrors; edit: (field: string) => void; sent: () => void } {
  const [edited, setEdited] = useState<readonly string[]>([]);
  const all = toFormErrors(error, fields, networkMessage);
  const errs = edited.length === 0 ? all : { ...withoutFields(all, edited), form: undefined };
  return {
    errs,
    edit: (field) => setEdited((e) => (e.includes(field) ? e : [...e, field])),
    sent: () => setEdited([]),
  };
}

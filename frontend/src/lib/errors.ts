import type { CombinedError } from "@urql/core";

/**
 * FormErrors is a failed request as a form shows it: messages for the
 * fields they concern (from extensions.field) and one for the whole form.
 * Messages come from the server, already in the request's language.
 */
export interface FormErrors {
  form?: string;
  fields: Record<string, string>;
  code?: string;
}

interface GQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * toFormErrors turns an urql error into FormErrors. knownFields are the
 * fields the form shows: an error for another field goes to the form.
 * networkMessage is the localized text for a failed connection.
 */
export function toFormErrors(
  error: CombinedError | undefined | null,
  knownFields: readonly string[],
  networkMessage: string,
): FormErrors {
  const out: FormErrors = { fields: {} };
  if (!error) return out;
  if (error.networkError && error.graphQLErrors.length === 0) {
    out.form = networkMessage;
    out.code = "NETWORK";
    return out;
  }
  for (const e of error.graphQLErrors as GQLErrorLike[]) {
    const code = typeof e.extensions?.code === "string" ? e.extensions.code : undefined;
    const field = typeof e.extensions?.field === "string" ? e.extensions.field : undefined;
    out.code ??= code;
    if (field && knownFields.includes(field) && !out.fields[field]) {
      out.fields[field] = e.message;
    } else if (!out.form) {
      out.form = e.message;
    } else if (!out.form.includes(e.message)) {
      out.form = `${out.form} ${e.message}`;
    }
  }
  return out;
}

/** errorCode returns the first extensions.code of an urql error. */
export function errorCode(error: CombinedError | undefined | null): string | undefined {
  for (const e of (error?.graphQLErrors ?? []) as GQLErrorLike[]) {
    if (typeof e.extensions?.code === "string") return e.extensions.code;
  }
  return undefined;
}

/**
 * withoutFields drops the errors of the fields edited since the form was
 * sent, so that an error clears as the person types.
 */
export function withoutFields(errs: FormErrors, edited: Iterable<string>): FormErrors {
  const fields = { ...errs.fields };
  for (const f of edited) delete fields[f];
  return { ...errs, fields };
}

import { useId } from "react";

/**
 * SkillChips chooses skills as a wrapping row of large chips, each pressed
 * or not, under a label, with a hint and the server's error.
 */
export function SkillChips({
  label,
  hint,
  error,
  options,
  value,
  disabled,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  options: readonly { code: string; name: string }[];
  value: readonly string[];
  disabled?: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  const id = useId();
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <p className="field-label" id={`${id}-l`}>
        {label}
      </p>
      {hint && (
        <p className="field-hint" id={`${id}-h`}>
          {hint}
        </p>
      )}
      <div className="chips chips-wrap" role="group" aria-labelledby={`${id}-l`} aria-describedby={[hint ? `${id}-h` : "", error ? `${id}-e` : ""].filter(Boolean).join(" ") || undefined}>
        {options.map((o) => {
          const on = value.includes(o.code);
          return (
            <button
              key={o.code}
              type="button"
              className="chip"
              aria-pressed={on}
              disabled={!on && disabled?.includes(o.code)}
              onClick={() => onChange(on ? value.filter((c) => c !== o.code) : [...value, o.code])}
            >
              {o.name}
            </button>
          );
        })}
      </div>
      {error && (
        <p className="field-error" id={`${id}-e`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

import { useTranslation } from "react-i18next";
import type { SkillChoice } from "../../lib/volunteer";
import { CheckField, CheckGroup, SelectField, TextField } from "../ui";

/** SkillOption is a skill of the community's taxonomy. */
export interface SkillOption {
  code: string;
  name: string;
  credentialed: boolean;
}

/** SavedSkill is a skill as the profile holds it: its credential and whether the committee checked it. */
export interface SavedSkill {
  code: string;
  credential: string | null;
  verified: boolean;
}

/**
 * SkillPicker is a volunteer's skills: each skill of the taxonomy as a box
 * to tick; a skill ticked has its level (1 能帮忙, 2 有经验, 3 专业) and, for
 * a credentialed one (医疗护理, 法律咨询), the certificate behind it, marked
 * 已核验 once the committee checked it and 待核验 until then. errorOf gives
 * the server's error for a chosen skill's field.
 */
export function SkillPicker({
  options,
  value,
  saved,
  onChange,
  error,
  errorOf,
}: {
  options: readonly SkillOption[];
  value: readonly SkillChoice[];
  saved: readonly SavedSkill[];
  onChange: (v: SkillChoice[], code: string) => void;
  error?: string;
  errorOf: (code: string, field: "code" | "level" | "credential") => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (code: string, c: SkillChoice | null) => {
    const has = value.some((x) => x.code === code);
    const next = c === null ? value.filter((x) => x.code !== code) : has ? value.map((x) => (x.code === code ? c : x)) : [...value, c];
    onChange(next, code);
  };
  return (
    <CheckGroup legend={t("volunteer.profile.skills")} hint={t("volunteer.profile.skillsHint")} error={error}>
      <ul className="skill-list">
        {options.map((k) => {
          const c = value.find((x) => x.code === k.code);
          const was = saved.find((x) => x.code === k.code);
          const verified = !!was?.verified && (was.credential ?? "") === (c?.credential.trim() ?? "");
          return (
            <li key={k.code} className={c ? "skill-item skill-on" : "skill-item"}>
              <CheckField
                label={k.name}
                checked={!!c}
                error={c ? errorOf(k.code, "code") : undefined}
                onChange={(e) => set(k.code, e.target.checked ? { code: k.code, level: 1, credential: was?.credential ?? "" } : null)}
              />
              {c && (
                <div className="skill-detail">
                  <SelectField
                    label={t("volunteer.profile.level", { skill: k.name })}
                    value={String(c.level)}
                    error={errorOf(k.code, "level")}
                    onChange={(e) => set(k.code, { ...c, level: Number(e.target.value) })}
                  >
                    {[1, 2, 3].map((n) => (
                      <option key={n} value={n}>
                        {t(`volunteer.levels.${n}`)}
                      </option>
                    ))}
                  </SelectField>
                  {k.credentialed && (
                    <>
                      <TextField
                        label={t("volunteer.profile.credential", { skill: k.name })}
                        hint={t("volunteer.profile.credentialHint")}
                        maxLength={100}
                        autoComplete="off"
                        value={c.credential}
                        error={errorOf(k.code, "credential")}
                        onChange={(e) => set(k.code, { ...c, credential: e.target.value })}
                      />
                      {c.credential.trim() && (
                        <p className="tags">
                          {verified ? (
                            <span className="tag tag-ok">{t("volunteer.profile.verified")}</span>
                          ) : (
                            <span className="tag tag-warn">{t("volunteer.profile.unverified")}</span>
                          )}
                        </p>
                      )}
                    </>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </CheckGroup>
  );
}

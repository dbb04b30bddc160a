import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sha256Hex } from "../../lib/disclosure";
import { uid, type AttachmentRow } from "../../lib/disclosureEditor";
import { formatBytes } from "../../lib/disclosureMoney";
import { TextField } from "../ui";

/**
 * AttachmentsEditor adds files by link: the committee gives the file's
 * name and address, and picks the same file on their device, which the
 * browser hashes (SHA-256) and measures, so that residents can later check
 * that the file behind the link is still the one published.
 */
export function AttachmentsEditor({
  rows,
  errors,
  onChange,
}: {
  rows: AttachmentRow[];
  errors: Record<string, string>;
  onChange: (rows: AttachmentRow[], field: string) => void;
}) {
  const { t } = useTranslation();
  const [hashing, setHashing] = useState<string | null>(null);
  const set = (i: number, patch: Partial<AttachmentRow>, field: string) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)), field);
  return (
    <fieldset className="check-group">
      <legend>
        {t("disclosure.attachments.title")}
        <span className="field-optional">（{t("app.optional")}）</span>
      </legend>
      <p className="field-hint">{t("disclosure.editor.attachmentsHint")}</p>
      {errors.attachments && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>
          {errors.attachments}
        </p>
      )}
      <ol className="item-editor">
        {rows.map((r, i) => {
          const err = (f: string) => errors[`attachments[${i}].${f}`];
          return (
            <li key={r.uid}>
              <fieldset className="item-row">
                <legend>{t("disclosure.editor.attachment", { n: i + 1 })}</legend>
                <TextField label={t("disclosure.editor.attachmentName")} maxLength={100} value={r.name} error={err("name")} onChange={(e) => set(i, { name: e.target.value }, `attachments[${i}].name`)} />
                <TextField
                  label={t("disclosure.editor.attachmentUrl")}
                  type="url"
                  inputMode="url"
                  value={r.url}
                  error={err("url")}
                  onChange={(e) => set(i, { url: e.target.value }, `attachments[${i}].url`)}
                />
                <TextField
                  label={t("disclosure.editor.attachmentFile")}
                  hint={r.sha256 ? t("disclosure.editor.attachmentHashed", { size: formatBytes(r.size), hash: r.sha256.slice(0, 12) }) : t("disclosure.editor.attachmentFileHint")}
                  type="file"
                  error={err("sha256") ?? err("size")}
                  onChange={async (e) => {
                    const file = e.target.files?.[0];
                    if (!file) return;
                    setHashing(r.uid);
                    const sha256 = await sha256Hex(await file.arrayBuffer());
                    setHashing(null);
                    set(i, { sha256, size: file.size, name: r.name || file.name }, `attachments[${i}].sha256`);
                  }}
                />
                {hashing === r.uid && <p className="muted small">{t("disclosure.attachments.checking")}</p>}
                <p>
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    aria-label={t("disclosure.editor.removeAttachmentLabel", { n: i + 1 })}
                    onClick={() => onChange(rows.filter((_, j) => j !== i), "attachments")}
                  >
                    {t("disclosure.editor.removeRow")}
                  </button>
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { uid: uid(), name: "", url: "", sha256: "", size: 0 }], "attachments")}>
          {t("disclosure.editor.addAttachment")}
        </button>
      </p>
    </fieldset>
  );
}

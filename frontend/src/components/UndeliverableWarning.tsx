import { useTranslation } from "react-i18next";
import { undeliverableKey } from "../lib/notifications";

/** UndeliverableWarning says that mail to the viewer stopped, and why. */
export function UndeliverableWarning({ reason }: { reason: string | null | undefined }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <div className="alert alert-warn" role="note">
      <p className="alert-title">{t("notify.undeliverableTitle")}</p>
      <p>{t(`notify.undeliverable.${undeliverableKey(reason)}`)}</p>
      <p className="small">{t("notify.undeliverableHint")}</p>
    </div>
  );
}

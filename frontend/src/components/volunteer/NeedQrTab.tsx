import { useTranslation } from "react-i18next";
import { checkInLink } from "../../lib/volunteer";
import { QrCode } from "../meeting/QrCode";
import type { NeedView } from "./NeedTypes";

/**
 * NeedQrTab is the check-in QR code of a need's place, to print and put
 * up there: the volunteer scans it (it opens the need page with the code
 * filled in) or types the code under it.
 */
export function NeedQrTab({ need, communityId }: { need: NeedView; communityId: string }) {
  const { t } = useTranslation();
  if (!need.checkInCode) return null;
  const link = checkInLink(window.location.origin, communityId, need.id, need.checkInCode);
  return (
    <section className="panel need-qr" aria-labelledby="need-qr-h">
      <h2 id="need-qr-h">{t("volunteer.qr.title", { title: need.title })}</h2>
      <p className="no-print">{t("volunteer.qr.hint")}</p>
      <div className="need-qr-sheet">
        <QrCode url={link} label={t("volunteer.qr.label", { title: need.title })} />
        <p className="need-qr-scan">{t("volunteer.qr.scan")}</p>
        <p>
          {t("volunteer.qr.code")} <strong className="need-qr-code">{need.checkInCode}</strong>
        </p>
        <p className="record-hash">{link}</p>
      </div>
      <p className="no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t("volunteer.qr.print")}
        </button>
      </p>
    </section>
  );
}

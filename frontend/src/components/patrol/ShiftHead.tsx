import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { whenText } from "../../lib/volunteerDesk";

/** ShiftHead is the top of a patrol shift's card: when, a night tag and any other tag, then the route. */
export function ShiftHead(props: {
  start: string;
  end: string;
  night: boolean;
  zone: string;
  route: string;
  /** tag follows the night tag, e.g. the place's state. */
  tag?: ReactNode;
  /** routeNote follows the route's name on its line. */
  routeNote?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="patrol-when">
        <strong>{whenText(props.start, props.end, i18n.language, props.zone)}</strong>
        {props.night && <span className="tag">{t("patrol.night")}</span>}
        {props.tag}
      </p>
      <p>
        {t("patrol.route")}：{props.route}
        {props.routeNote}
      </p>
    </>
  );
}

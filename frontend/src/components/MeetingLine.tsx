import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "./ui";

/** MeetingLine is one meeting in a list: its title linking to it, its kind, time and place. */
export function MeetingLine({
  meeting: m,
  communityId,
  zone,
}: {
  meeting: { id: string; title: string; kind: string; startsAt: string; place: string };
  communityId: string;
  zone: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Link to={`/c/${communityId}/meetings/${m.id}`}>{m.title}</Link>
      <span className="muted small">
        {" "}
        {t(`meeting.kinds.${m.kind}`)} · {formatDateTime(m.startsAt, i18n.language, zone)}
        {m.place ? ` · ${m.place}` : ""}
      </span>
    </li>
  );
}

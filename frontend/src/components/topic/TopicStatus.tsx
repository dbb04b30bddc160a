import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TopicStatus as Status } from "../../lib/topics";

/**
 * TopicStatus is the header of a topic page: where it stands in one line,
 * in the colour that means it, with the link to its outcome or to the next
 * thing to do ("已形成决议 → 查看"). Children go below the line: the
 * viewer's own invitation, so that it is the first thing they see.
 */
export function TopicStatus({
  status,
  communityId,
  topicId,
  children,
}: {
  status: Status;
  communityId: string;
  topicId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const base = `/c/${communityId}`;
  const link = status.link;
  let to: string | undefined;
  if (link) {
    switch (link.to) {
      case "resolution":
        to = `${base}/resolutions/${link.id}`;
        break;
      case "meeting":
        to = `${base}/meetings/${link.id}`;
        break;
      case "topic":
        to = `${base}/topics/${link.id}`;
        break;
      case "tab":
        to = link.tab === "overview" ? "?" : `?tab=${link.tab}`;
        break;
      case "screening":
        to = `${base}/screening`;
        break;
      case "builder":
        to = `${base}/topics/${topicId}/panel`;
        break;
    }
  }
  return (
    <section className={`status-header status-${status.tone}`} aria-label={t("topic.statusLabel")}>
      <p className="status-line">
        <span>{t(`topic.status.${status.key}`, status.vars)}</span>
        {to && status.linkKey && (
          <Link className="status-go" to={to}>
            {t(`topic.status.go.${status.linkKey}`)} →
          </Link>
        )}
      </p>
      {children}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Tabs, useTab, type TabItem } from "../components/Tabs";
import { EmptyState, Page, Skeleton } from "../components/ui";
import { ApproveTab } from "../components/volunteerDesk/ApproveTab";
import { useBoardTodos } from "../components/volunteerDesk/boardTodos";
import { useCoordinator } from "../components/volunteerDesk/common";
import { FillTab } from "../components/volunteerDesk/FillTab";
import { HoursTab } from "../components/volunteerDesk/HoursTab";
import { PeopleTab } from "../components/volunteerDesk/PeopleTab";
import { WeekTab } from "../components/volunteerDesk/WeekTab";
import { useCommunity } from "../lib/community";

type BoardTab = "fill" | "approve" | "hours" | "week" | "volunteers";

/**
 * VolunteerBoardPage is /c/:cid/volunteers/board, the workbench's 志愿服务
 * (协调台) for those who coordinate: the committee and team leaders. A
 * status header says what waits; the tabs are 待招募 (the week's open
 * slots with their best candidates, to invite), 待审核 (residents' own
 * needs, for the committee and grid workers), 待确认时长 (tasks that ended),
 * 每周建议 (the week's proposal beside its bound) and 志愿者 (those to
 * confirm, credentials, teams, skills, the time bank's exchange). A grid
 * worker who does not coordinate sees 待审核 only.
 */
export function VolunteerBoardPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const { coordinator, ready } = useCoordinator(community.id, can.manager);
  const approver = can.manager || can.gridWorker;
  const items: TabItem<BoardTab>[] = [];
  if (coordinator) items.push({ key: "fill", label: t("volunteerDesk.tabs.fill") });
  if (approver) items.push({ key: "approve", label: t("volunteerDesk.tabs.approve") });
  if (coordinator) {
    items.push({ key: "hours", label: t("volunteerDesk.tabs.hours") });
    items.push({ key: "week", label: t("volunteerDesk.tabs.week") });
    items.push({ key: "volunteers", label: t("volunteerDesk.tabs.volunteers") });
  }
  const tab = useTab(items.map((i) => i.key));
  const lists = useBoardTodos(community.id);
  const zone = community.settings.timeZone;
  const title = t("volunteerDesk.title");
  if (!ready) {
    return (
      <Page title={title} wide>
        <Skeleton lines={4} />
      </Page>
    );
  }
  if (items.length === 0) {
    return (
      <Page title={title} wide>
        <EmptyState title={t("volunteerDesk.notAllowed")} hint={t("volunteerDesk.notAllowedHint")}>
          <p>
            <Link to={`/c/${community.id}/volunteer`}>{t("volunteerDesk.toVolunteer")}</Link>
          </p>
        </EmptyState>
      </Page>
    );
  }
  const waiting = [
    coordinator && { key: "fill", n: lists.fill },
    approver && { key: "approve", n: lists.approve.length },
    coordinator && { key: "hours", n: lists.hours.length + lists.disputes.length },
    coordinator && { key: "volunteers", n: lists.volunteers },
  ].filter((w): w is { key: string; n: number } => !!w);
  const total = waiting.reduce((s, w) => s + w.n, 0);
  return (
    <Page title={title} wide>
      <div className={total > 0 ? "status-header status-warning" : "status-header status-success"} role="region" aria-label={t("volunteerDesk.status")}>
        <p className="status-line">{!lists.loaded ? t("app.loading") : total > 0 ? t("volunteerDesk.waiting", { count: total }) : t("volunteerDesk.allDone")}</p>
        {lists.loaded && total > 0 && (
          <p className="vd-waiting">
            {waiting
              .filter((w) => w.n > 0)
              .map((w) => (
                <span key={w.key} className="tag tag-warn">
                  {t(`volunteerDesk.count.${w.key}`, { count: w.n })}
                </span>
              ))}
          </p>
        )}
      </div>
      <Tabs items={items} current={tab} label={t("volunteerDesk.tabsLabel")} />
      {tab === "fill" && <FillTab communityId={community.id} zone={zone} />}
      {tab === "approve" && <ApproveTab communityId={community.id} zone={zone} lists={lists} />}
      {tab === "hours" && <HoursTab communityId={community.id} zone={zone} lists={lists} />}
      {tab === "week" && <WeekTab communityId={community.id} zone={zone} />}
      {tab === "volunteers" && <PeopleTab communityId={community.id} zone={zone} committee={can.manager} />}
    </Page>
  );
}

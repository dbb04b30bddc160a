import { lazy, Suspense, type ComponentType } from "react";
import { Navigate, Route, Routes, useMatch } from "react-router";
import { CommunityLayout, usePrefetchCommunity } from "./components/CommunityLayout";
import { NotFoundPage } from "./components/NotFound";
import { Shell } from "./components/Shell";
import { Skeleton } from "./components/ui";
import {
  CompleteSignUpPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
  SignupPage,
  VerifyEmailPage,
} from "./pages/auth";
// The join form shares its module with the communities list, which the
// first screens need, so it comes along rather than in a chunk of its own.
import { CommunitiesPage, JoinPage } from "./pages/communities";
import { CommunityHomePage } from "./pages/community";
import { RequireViewer, useViewer } from "./viewer";

/**
 * lazyPage loads a page's module when its route is first visited, so the
 * first screen (log in, the community home) does not wait for the others.
 */
// (ComponentType<any>: the props are whatever the route passes.)
function lazyPage<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AssistedPage = lazyPage(() => import("./pages/assisted"), "AssistedPage");
const GridsPage = lazyPage(() => import("./pages/grids"), "GridsPage");
const ProfilePage = lazyPage(() => import("./pages/me"), "ProfilePage");
const SessionsPage = lazyPage(() => import("./pages/me"), "SessionsPage");
const RequestCommunityPage = lazyPage(() => import("./pages/communityRequest"), "RequestCommunityPage");
const MemberPage = lazyPage(() => import("./pages/member"), "MemberPage");
const MembersPage = lazyPage(() => import("./pages/members"), "MembersPage");
const CheckInPage = lazyPage(() => import("./pages/meeting"), "CheckInPage");
const MeetingPage = lazyPage(() => import("./pages/meeting"), "MeetingPage");
const ScheduleMeetingPage = lazyPage(() => import("./pages/meeting"), "ScheduleMeetingPage");
const OperatorPage = lazyPage(() => import("./pages/operator"), "OperatorPage");
const FailedNotificationsPage = lazyPage(() => import("./pages/notifications"), "FailedNotificationsPage");
const NotificationHistoryPage = lazyPage(() => import("./pages/notifications"), "NotificationHistoryPage");
const NotificationSettingsPage = lazyPage(() => import("./pages/notifications"), "NotificationSettingsPage");
const ResolutionPage = lazyPage(() => import("./pages/resolution"), "ResolutionPage");
const ResolutionBoardPage = lazyPage(() => import("./pages/resolutions"), "ResolutionBoardPage");
const ScreeningPage = lazyPage(() => import("./pages/screening"), "ScreeningPage");
const TopicPage = lazyPage(() => import("./pages/topic"), "TopicPage");
const PanelBuilderPage = lazyPage(() => import("./pages/panelBuilder"), "PanelBuilderPage");
const ProposeTopicPage = lazyPage(() => import("./pages/topics"), "ProposeTopicPage");
const RecordRedirectPage = lazyPage(() => import("./pages/topics"), "RecordRedirectPage");
const RecordPage = lazyPage(() => import("./pages/record"), "RecordPage");
const DisclosuresPage = lazyPage(() => import("./pages/disclosures"), "DisclosuresPage");
const DisclosurePage = lazyPage(() => import("./pages/disclosure"), "DisclosurePage");
const DisclosureNoticePage = lazyPage(() => import("./pages/disclosureNotice"), "DisclosureNoticePage");
const DisclosureDeskPage = lazyPage(() => import("./pages/disclosureDesk"), "DisclosureDeskPage");
const NewDisclosurePage = lazyPage(() => import("./pages/disclosureEdit"), "NewDisclosurePage");
const EditDisclosurePage = lazyPage(() => import("./pages/disclosureEdit"), "EditDisclosurePage");
const CorrectDisclosurePage = lazyPage(() => import("./pages/disclosureEdit"), "CorrectDisclosurePage");
const WorkbenchPage = lazyPage(() => import("./pages/workbench"), "WorkbenchPage");
const VolunteerHomePage = lazyPage(() => import("./pages/volunteerHome"), "VolunteerHomePage");
const VolunteerProfilePage = lazyPage(() => import("./pages/volunteerProfile"), "VolunteerProfilePage");
const NeedPage = lazyPage(() => import("./pages/need"), "NeedPage");
const NeedNewPage = lazyPage(() => import("./pages/needNew"), "NeedNewPage");
const VolunteerBoardPage = lazyPage(() => import("./pages/volunteerBoard"), "VolunteerBoardPage");
const VolunteerHoursPage = lazyPage(() => import("./pages/volunteerHours"), "VolunteerHoursPage");
const PatrolPage = lazyPage(() => import("./pages/patrol"), "PatrolPage");
const PatrolReportPage = lazyPage(() => import("./pages/patrolReport"), "PatrolReportPage");
const PatrolTriagePage = lazyPage(() => import("./pages/patrolTriage"), "PatrolTriagePage");
const PatrolRosterPage = lazyPage(() => import("./pages/patrolRoster"), "PatrolRosterPage");
const PatrolCasePage = lazyPage(() => import("./pages/patrolCase"), "PatrolCasePage");
const PatrolTeamPage = lazyPage(() => import("./pages/patrolTeam"), "PatrolTeamPage");
const CertificatePage = lazyPage(() => import("./pages/certificate"), "CertificatePage");
const TopicListPage = lazyPage(() => import("./pages/topics"), "TopicListPage");
const TopicRedirectPage = lazyPage(() => import("./pages/topics"), "TopicRedirectPage");

function Loading() {
  return (
    <div className="page">
      <div className="skeleton-line skeleton-h1" />
      <Skeleton lines={4} />
    </div>
  );
}

/** Home sends a user to their community, or to choose one, or to log in. */
function Home() {
  const { viewer } = useViewer();
  if (!viewer) return null;
  const ms = viewer.memberships;
  if (ms.length === 1) return <Navigate to={`/c/${ms[0].community.id}`} replace />;
  return <Navigate to="/communities" replace />;
}

function Private({ children }: { children: React.ReactNode }) {
  return <RequireViewer fallback={<Loading />}>{children}</RequireViewer>;
}

/** App is the route table. */
export function App() {
  const { fetching } = useViewer();
  usePrefetchCommunity(useMatch("/c/:cid/*")?.params.cid, !!useMatch("/c/:cid"));
  return (
    <Shell>
      {fetching ? (
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/signup" element={<SignupPage />} />
          <Route path="/complete-signup" element={<CompleteSignUpPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/verify-email" element={<VerifyEmailPage />} />
          <Route path="/" element={<Private><Home /></Private>} />
          <Route path="/me" element={<Private><ProfilePage /></Private>} />
          <Route path="/me/sessions" element={<Private><SessionsPage /></Private>} />
          <Route path="/me/notifications" element={<Private><NotificationSettingsPage /></Private>} />
          <Route path="/me/notifications/history" element={<Private><NotificationHistoryPage /></Private>} />
          <Route path="/topics/:id" element={<Private><TopicRedirectPage /></Private>} />
          <Route path="/meetings/:id" element={<Private><RecordRedirectPage type="Meeting" /></Private>} />
          <Route path="/resolutions/:id" element={<Private><RecordRedirectPage type="Resolution" /></Private>} />
          <Route path="/communities" element={<Private><CommunitiesPage /></Private>} />
          <Route path="/communities/request" element={<Private><RequestCommunityPage /></Private>} />
          <Route path="/communities/:id/join" element={<Private><JoinPage /></Private>} />
          <Route path="/operator" element={<Private><OperatorPage /></Private>} />
          {/* The public record is for anyone, logged out too: outside the members-only layout. */}
          <Route path="/c/:cid/record" element={<RecordPage />} />
          {/* Published disclosures and their notices too; their editors and desk are for members. */}
          <Route path="/c/:cid/disclosures" element={<DisclosuresPage />} />
          <Route path="/c/:cid/disclosures/:did" element={<DisclosurePage />} />
          <Route path="/c/:cid/disclosures/:did/notice" element={<DisclosureNoticePage />} />
          {/* A volunteer service certificate, as its QR code opens it: for anyone, logged out too. */}
          <Route path="/certificates/:code" element={<CertificatePage />} />
          <Route path="/c/:cid" element={<Private><CommunityLayout /></Private>}>
            <Route index element={<CommunityHomePage />} />
            <Route path="work" element={<WorkbenchPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="members/:mid" element={<MemberPage />} />
            <Route path="grids" element={<GridsPage />} />
            <Route path="assisted" element={<AssistedPage />} />
            <Route path="topics" element={<TopicListPage />} />
            <Route path="topics/new" element={<ProposeTopicPage />} />
            <Route path="topics/:tid" element={<TopicPage />} />
            <Route path="topics/:tid/panel" element={<PanelBuilderPage />} />
            <Route path="screening" element={<ScreeningPage />} />
            <Route path="notifications/failed" element={<FailedNotificationsPage />} />
            <Route path="meetings/new" element={<ScheduleMeetingPage />} />
            <Route path="meetings/:mid" element={<MeetingPage />} />
            <Route path="meetings/:mid/checkin" element={<CheckInPage />} />
            <Route path="resolutions" element={<ResolutionBoardPage />} />
            <Route path="resolutions/:rid" element={<ResolutionPage />} />
            <Route path="disclosures/desk" element={<DisclosureDeskPage />} />
            <Route path="disclosures/new" element={<NewDisclosurePage />} />
            <Route path="disclosures/:did/edit" element={<EditDisclosurePage />} />
            <Route path="disclosures/:did/correct" element={<CorrectDisclosurePage />} />
            <Route path="volunteer" element={<VolunteerHomePage />} />
            <Route path="volunteer/profile" element={<VolunteerProfilePage />} />
            <Route path="needs/new" element={<NeedNewPage />} />
            <Route path="needs/:nid" element={<NeedPage />} />
            <Route path="volunteers/board" element={<VolunteerBoardPage />} />
            <Route path="volunteer/hours" element={<VolunteerHoursPage />} />
            <Route path="patrol" element={<PatrolPage />} />
            <Route path="patrol/report" element={<PatrolReportPage />} />
            <Route path="patrol/triage" element={<PatrolTriagePage />} />
            <Route path="patrol/roster" element={<PatrolRosterPage />} />
            <Route path="patrol/cases/:id" element={<PatrolCasePage />} />
            <Route path="patrol/teams/:teamId" element={<PatrolTeamPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
        </Suspense>
      )}
    </Shell>
  );
}

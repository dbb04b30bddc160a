import { Navigate, Route, Routes, useMatch } from "react-router";
import { Shell } from "./components/Shell";
import { Skeleton } from "./components/ui";
import { AssistedPage } from "./pages/assisted";
import {
  CompleteSignUpPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
  SignupPage,
  VerifyEmailPage,
} from "./pages/auth";
import { CommunitiesPage, JoinPage } from "./pages/communities";
import { CommunityHomePage, CommunityLayout, usePrefetchCommunity } from "./pages/community";
import { GridsPage } from "./pages/grids";
import { ProfilePage, SessionsPage } from "./pages/me";
import { RequestCommunityPage } from "./pages/communityRequest";
import { MemberPage } from "./pages/member";
import { MembersPage } from "./pages/members";
import { CheckInPage, MeetingPage, ScheduleMeetingPage } from "./pages/meeting";
import { NotFoundPage } from "./pages/notfound";
import { OperatorPage } from "./pages/operator";
import { FailedNotificationsPage, NotificationHistoryPage, NotificationSettingsPage } from "./pages/notifications";
import { ResolutionPage } from "./pages/resolution";
import { ResolutionBoardPage } from "./pages/resolutions";
import { ScreeningPage } from "./pages/screening";
import { TopicPage } from "./pages/topic";
import { ProposeTopicPage, RecordRedirectPage, TopicListPage, TopicRedirectPage } from "./pages/topics";
import { RequireViewer, useViewer } from "./viewer";

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
          <Route path="/c/:cid" element={<Private><CommunityLayout /></Private>}>
            <Route index element={<CommunityHomePage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="members/:mid" element={<MemberPage />} />
            <Route path="grids" element={<GridsPage />} />
            <Route path="assisted" element={<AssistedPage />} />
            <Route path="topics" element={<TopicListPage />} />
            <Route path="topics/new" element={<ProposeTopicPage />} />
            <Route path="topics/:tid" element={<TopicPage />} />
            <Route path="screening" element={<ScreeningPage />} />
            <Route path="notifications/failed" element={<FailedNotificationsPage />} />
            <Route path="meetings/new" element={<ScheduleMeetingPage />} />
            <Route path="meetings/:mid" element={<MeetingPage />} />
            <Route path="meetings/:mid/checkin" element={<CheckInPage />} />
            <Route path="resolutions" element={<ResolutionBoardPage />} />
            <Route path="resolutions/:rid" element={<ResolutionPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      )}
    </Shell>
  );
}

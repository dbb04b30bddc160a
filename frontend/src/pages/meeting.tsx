import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { CheckField, CheckGroup, FormError, Notice, Page, SelectField, Skeleton, TextArea, TextField, formatDateTime } from "../components/ui";
import { MotionVoters } from "../components/MotionVoters";
import { NotFoundPage } from "../components/NotFound";
import { graphql } from "../gql";
import type { MeetingKind, Stance, VoteChoice, VotingMethod } from "../gql/graphql";
import { assistedOfWorker, checkInPath, fromLocalInput, partyKey, quorumText, toLocalInput } from "../lib/deliberation";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { useMemberPicker } from "../lib/memberPicker";
import { useViewer } from "../viewer";

export const MotionFields = graphql(`
  fragment MotionFields on Motion {
    id
    text
    method
    secret
    deadline
    closed
    myVote
    result {
      countsHidden
      yes
      no
      abstain
      voters
      quorum
      passed
      parties {
        party
        agreed
        yes
        no
        abstain
      }
    }
    resolution {
      id
      stage
    }
    ...MotionVotersFields
  }
`);

const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      ... on Meeting {
        id
        kind
        title
        startsAt
        place
        started
        minutes
        checkInCode
        chair {
          id
          name
        }
        attendance {
          expected
          quorum
          present {
            id
            name
          }
        }
        statements {
          at
          stance
          summary
          topicId
          speaker {
            id
            name
          }
        }
        agenda {
          id
          title
          community {
            id
          }
          motions {
            ...MotionFields
          }
        }
      }
    }
  }
`);

const AcceptedTopicsQuery = graphql(`
  query AcceptedTopics($id: ID!) {
    community(id: $id) {
      id
      topics(first: 100, state: ACCEPTED) {
        nodes {
          id
          title
        }
      }
    }
  }
`);

const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const CheckInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const StartMeetingMutation = graphql(`
  mutation StartMeeting($input: StartMeetingInput!) {
    startMeeting(input: $input) {
      meeting {
        id
        started
      }
    }
  }
`);

const RecordStatementMutation = graphql(`
  mutation RecordStatement($input: RecordStatementInput!) {
    recordStatement(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const SetMinutesMutation = graphql(`
  mutation SetMinutes($input: SetMinutesInput!) {
    setMinutes(input: $input) {
      meeting {
        id
        minutes
      }
    }
  }
`);

const OpenMotionMutation = graphql(`
  mutation OpenMotion($input: OpenMotionInput!) {
    openMotion(input: $input) {
      motion {
        id
      }
    }
  }
`);

const CastVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      motion {
        id
        myVote
      }
    }
  }
`);

const AssistedVoteMutation = graphql(`
  mutation RecordAssistedVote($input: RecordAssistedVoteInput!) {
    recordAssistedVote(input: $input) {
      motion {
        id
      }
    }
  }
`);

const CloseMotionMutation = graphql(`
  mutation CloseMotion($input: CloseMotionInput!) {
    closeMotion(input: $input) {
      motion {
        id
        closed
      }
    }
  }
`);

const AdoptResolutionMutation = graphql(`
  mutation AdoptResolution($input: AdoptResolutionInput!) {
    adoptResolution(input: $input) {
      resolution {
        id
      }
    }
  }
`);

const MEETING_KINDS: MeetingKind[] = ["COUNCIL", "THREE_PARTY", "HEARING", "ONLINE"];
const METHODS: VotingMethod[] = ["MAJORITY_CAST", "MAJORITY_PANEL", "TWO_THIRDS", "CONSENSUS", "THREE_PARTY"];
const STANCES: Stance[] = ["FOR", "AGAINST", "NEUTRAL"];
const CHOICES: VoteChoice[] = ["YES", "NO", "ABSTAIN"];
const POLL_MS = 5000;

/** ScheduleMeetingPage is the committee's form for a meeting on accepted topics. */
export function ScheduleMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { community } = useCommunity();
  const [topics] = useQuery({ query: AcceptedTopicsQuery, variables: { id: community.id } });
  const [res, schedule] = useMutation(ScheduleMeetingMutation);
  const [kind, setKind] = useState<MeetingKind>("COUNCIL");
  const [title, setTitle] = useState("");
  const [startsAt, setStartsAt] = useState(() => toLocalInput(new Date(Date.now() + 24 * 3600_000)));
  const [place, setPlace] = useState("");
  const [picked, setPicked] = useState<string[]>(() => params.getAll("topic"));
  const errs = toFormErrors(res.error, ["kind", "title", "startsAt", "place", "topicIds"], t("app.networkError"));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await schedule({
      input: { communityId: community.id, kind, title, startsAt: fromLocalInput(startsAt) ?? "", place, topicIds: picked },
    });
    if (r.data) navigate(`/c/${community.id}/meetings/${r.data.scheduleMeeting.meeting.id}`);
  }

  const list = topics.data?.community?.topics.nodes;
  return (
    <Page title={t("meeting.scheduleTitle")}>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <SelectField label={t("meeting.kind")} value={kind} error={errs.fields.kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meeting.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("meeting.titleLabel")} value={title} maxLength={80} error={errs.fields.title} onChange={(e) => setTitle(e.target.value)} />
        <TextField label={t("meeting.startsAt")} type="datetime-local" value={startsAt} error={errs.fields.startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <TextField label={t("meeting.place")} optional value={place} maxLength={100} error={errs.fields.place} onChange={(e) => setPlace(e.target.value)} />
        <CheckGroup legend={t("meeting.agenda")} hint={t("meeting.agendaHint")} error={errs.fields.topicIds}>
          {!list ? (
            <Skeleton lines={2} />
          ) : list.length === 0 ? (
            <p className="muted">{t("meeting.noAccepted")}</p>
          ) : (
            list.map((tp) => (
              <CheckField
                key={tp.id}
                label={tp.title}
                checked={picked.includes(tp.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, tp.id] : picked.filter((x) => x !== tp.id))}
              />
            ))
          )}
        </CheckGroup>
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("meeting.scheduleSubmit")}
        </button>
      </form>
    </Page>
  );
}

/** usePoll refetches every few seconds while the page is open. */
function usePoll(refetch: () => void, ms = POLL_MS) {
  const ref = useRef(refetch);
  ref.current = refetch;
  useEffect(() => {
    const id = window.setInterval(() => ref.current(), ms);
    return () => window.clearInterval(id);
  }, [ms]);
}

function QrCode({ url, label }: { url: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // The QR library loads only where a code is shown (the committee's meeting page).
    const el = canvas.current;
    if (!el) return;
    void import("qrcode")
      .then((m) => m.default.toCanvas(el, url, { width: 240, margin: 2 }))
      .catch(() => undefined);
  }, [url]);
  return <canvas ref={canvas} className="qr" role="img" aria-label={label} width={240} height={240} />;
}

/** MeetingPage is a meeting: agenda, check-in, attendance and quorum, statements, minutes and motions. */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { mid = "" } = useParams();
  const { viewer } = useViewer();
  const { community, can } = useCommunity();
  const [res, refetch] = useQuery({ query: MeetingQuery, variables: { id: mid }, requestPolicy: "cache-and-network" });
  const reload = () => refetch({ requestPolicy: "network-only" });
  usePoll(reload);
  const memberList = useMemberPicker(community.id, !(can.committee || can.gridWorker));
  const [sres, start] = useMutation(StartMeetingMutation);
  const [stres, record] = useMutation(RecordStatementMutation);
  const [mres, setMinutes] = useMutation(SetMinutesMutation);
  const [ares, attend] = useMutation(RecordAttendanceMutation);
  const [cres, checkIn] = useMutation(CheckInMutation);
  const [speaker, setSpeaker] = useState("");
  const [stance, setStance] = useState<Stance>("FOR");
  const [stTopic, setStTopic] = useState("");
  const [summary, setSummary] = useState("");
  const [minutes, setMinutesText] = useState<string | null>(null);
  const [attendee, setAttendee] = useState("");
  const [notice, setNotice] = useState<string>();
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const stErr = toFormErrors(stres.error, ["speakerMemberId", "stance", "summary", "topicId"], t("app.networkError"));
  const minErr = toFormErrors(mres.error, ["minutes"], t("app.networkError"));
  const startErr = toFormErrors(sres.error, [], t("app.networkError"));
  const attErr = toFormErrors(ares.error, ["memberId"], t("app.networkError"));
  const ciErr = toFormErrors(cres.error, ["code"], t("app.networkError"));
  const node = res.data?.node;
  if (res.data && node?.__typename !== "Meeting") return <NotFoundPage />;
  const m = node?.__typename === "Meeting" ? node : null;
  const zone = community.settings.timeZone;
  if (!m) {
    return (
      <Page title={t("meeting.title")}>
        <FormError message={loadErr.form} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const q = quorumText(m.attendance, m.kind);
  const here = m.attendance.present.some((p) => p.id === viewer?.id);
  const url = m.checkInCode ? window.location.origin + checkInPath(community.id, m.id, m.checkInCode) : "";
  const stanceName = (s: string) => t(`meeting.stances.${s}`);

  return (
    <Page title={m.title} wide>
      <p className="tags">
        <span className="tag">{t(`meeting.kinds.${m.kind}`)}</span>
        <span className={m.started ? "tag tag-ok" : "tag tag-info"}>{m.started ? t("meeting.started") : t("meeting.notStarted")}</span>
      </p>
      <p className="muted meta">
        <span>{formatDateTime(m.startsAt, i18n.language, zone)}</span>
        {m.place && <span>{m.place}</span>}
        {m.chair && <span>{t("meeting.chair", { name: m.chair.name })}</span>}
      </p>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      <div className="topic-layout">
        <section className="panel" aria-labelledby="agenda-h">
          <h2 id="agenda-h">{t("meeting.agenda")}</h2>
          <ol className="link-list">
            {m.agenda.map((tp) => (
              <li key={tp.id}>
                <Link to={`/c/${community.id}/topics/${tp.id}`}>{tp.title}</Link>
              </li>
            ))}
          </ol>
        </section>

        <section className="panel" aria-labelledby="attendance-h">
          <h2 id="attendance-h">{t("meeting.attendance")}</h2>
          <p className={m.attendance.quorum ? "alert alert-ok" : "alert alert-warn"} aria-live="polite">
            {t(q.key, { present: q.present, expected: q.expected, needed: q.needed, missing: q.missing })}
          </p>
          {m.attendance.present.length > 0 && (
            <ul className="link-list" aria-label={t("meeting.presentList")}>
              {m.attendance.present.map((p) => (
                <li key={p.id}>{p.name}</li>
              ))}
            </ul>
          )}
          <FormError message={ciErr.form} />
          {!here && !can.committee && (
            <Link className="btn" to={`/c/${community.id}/meetings/${m.id}/checkin`}>
              {t("meeting.checkIn")}
            </Link>
          )}
          {here && <p className="tag tag-ok">✓ {t("meeting.checkedIn")}</p>}
          {can.committee && m.checkInCode && (
            <div className="checkin-code">
              <h3>{t("meeting.qrTitle")}</h3>
              <QrCode url={url} label={t("meeting.qrLabel")} />
              <p className="muted small">
                {t("meeting.code")} <code>{m.checkInCode}</code>
              </p>
              <form
                className="form"
                noValidate
                onSubmit={async (e) => {
                  e.preventDefault();
                  const r = await attend({ input: { meetingId: m.id, memberId: attendee } });
                  if (r.data) {
                    setAttendee("");
                    setNotice(t("meeting.attendanceRecorded"));
                    reload();
                  }
                }}
              >
                <FormError message={attErr.form} />
                <SelectField label={t("meeting.recordAttendance")} value={attendee} error={attErr.fields.memberId} onChange={(e) => setAttendee(e.target.value)}>
                  <option value="">{t("panel.chooseMember")}</option>
                  {memberList.map((mm) => (
                    <option key={mm.id} value={mm.id}>
                      {mm.user.name}
                    </option>
                  ))}
                </SelectField>
                <button type="submit" className="btn" disabled={ares.fetching}>
                  {t("meeting.recordAttendanceSubmit")}
                </button>
              </form>
              {/* the chair's own check-in, with the code on screen */}
              {!here && (
                <button
                  type="button"
                  className="btn"
                  disabled={cres.fetching}
                  onClick={async () => {
                    const r = await checkIn({ input: { meetingId: m.id, code: m.checkInCode ?? "" } });
                    if (r.data) reload();
                  }}
                >
                  {t("meeting.checkInMe")}
                </button>
              )}
            </div>
          )}
          {can.committee && !m.started && (
            <>
              <FormError message={startErr.form} />
              <button
                type="button"
                className="btn btn-primary"
                disabled={sres.fetching}
                onClick={async () => {
                  const r = await start({ input: { meetingId: m.id } });
                  if (r.data) {
                    setNotice(t("meeting.startedDone"));
                    reload();
                  }
                }}
              >
                {t("meeting.start")}
              </button>
            </>
          )}
        </section>

        {m.agenda.map((tp) => (
            <section key={tp.id} className="panel" aria-labelledby={`motions-${tp.id}`}>
              <h2 id={`motions-${tp.id}`}>{t("motion.sectionTitle", { title: tp.title })}</h2>
              {tp.motions.length === 0 && <p className="muted">{t("motion.none")}</p>}
              <ul className="cards">
                {tp.motions.map((mo) => (
                  <li key={mo.id} className="card">
                    <MotionCard
                      motion={mo}
                      canVote={mo.voters.some((v) => v.user.id === viewer?.id)}
                      members={memberList}
                      onChanged={(msg) => {
                        setNotice(msg);
                        reload();
                      }}
                    />
                  </li>
                ))}
              </ul>
              {can.committee && <OpenMotionForm topicId={tp.id} onOpened={(msg) => { setNotice(msg); reload(); }} />}
            </section>
        ))}

        <section className="panel" aria-labelledby="statements-h">
          <h2 id="statements-h">{t("meeting.statements")}</h2>
          {m.statements.length === 0 ? (
            <p className="muted">{t("meeting.noStatements")}</p>
          ) : (
            <ol className="timeline">
              {m.statements.map((s, i) => (
                <li key={i} className="timeline-item">
                  <p className="timeline-what">
                    <strong>{s.speaker.name}</strong> · {stanceName(s.stance)} · {m.agenda.find((a) => a.id === s.topicId)?.title}
                  </p>
                  <p className="timeline-note">{s.summary}</p>
                  <p className="muted small">
                    <time dateTime={s.at}>{formatDateTime(s.at, i18n.language, zone)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
          {can.committee && (
            <form
              className="form"
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await record({
                  input: { meetingId: m.id, topicId: stTopic || m.agenda[0]?.id || "", speakerMemberId: speaker, stance, summary },
                });
                if (r.data) {
                  setSummary("");
                  setNotice(t("meeting.statementRecorded"));
                  reload();
                }
              }}
            >
              <h3>{t("meeting.recordStatement")}</h3>
              <FormError message={stErr.form} />
              {m.agenda.length > 1 && (
                <SelectField label={t("meeting.statementTopic")} value={stTopic || m.agenda[0]?.id} error={stErr.fields.topicId} onChange={(e) => setStTopic(e.target.value)}>
                  {m.agenda.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </SelectField>
              )}
              <SelectField label={t("meeting.speaker")} value={speaker} error={stErr.fields.speakerMemberId} onChange={(e) => setSpeaker(e.target.value)}>
                <option value="">{t("panel.chooseMember")}</option>
                {memberList.map((mm) => (
                  <option key={mm.id} value={mm.id}>
                    {mm.user.name}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t("meeting.stance")} value={stance} error={stErr.fields.stance} onChange={(e) => setStance(e.target.value as Stance)}>
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {stanceName(s)}
                  </option>
                ))}
              </SelectField>
              <TextArea label={t("meeting.summary")} rows={3} maxLength={1000} value={summary} error={stErr.fields.summary} onChange={(e) => setSummary(e.target.value)} />
              <button type="submit" className="btn btn-primary" disabled={stres.fetching}>
                {t("meeting.recordStatementSubmit")}
              </button>
            </form>
          )}
        </section>

        <section className="panel" aria-labelledby="minutes-h">
          <h2 id="minutes-h">{t("meeting.minutes")}</h2>
          {!can.committee && (m.minutes ? <p className="prewrap">{m.minutes}</p> : <p className="muted">{t("meeting.noMinutes")}</p>)}
          {can.committee && (
            <form
              className="form"
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await setMinutes({ input: { meetingId: m.id, minutes: minutes ?? m.minutes ?? "" } });
                if (r.data) {
                  setMinutesText(null);
                  setNotice(t("meeting.minutesSaved"));
                }
              }}
            >
              <FormError message={minErr.form} />
              <TextArea label={t("meeting.minutesLabel")} rows={5} value={minutes ?? m.minutes ?? ""} error={minErr.fields.minutes} onChange={(e) => setMinutesText(e.target.value)} />
              <button type="submit" className="btn btn-primary" disabled={mres.fetching}>
                {t("meeting.saveMinutes")}
              </button>
            </form>
          )}
        </section>
      </div>
    </Page>
  );
}

function OpenMotionForm({ topicId, onOpened }: { topicId: string; onOpened: (msg: string) => void }) {
  const { t } = useTranslation();
  const [res, open] = useMutation(OpenMotionMutation);
  const [show, setShow] = useState(false);
  const [text, setText] = useState("");
  const [method, setMethod] = useState<VotingMethod>("MAJORITY_CAST");
  const [secret, setSecret] = useState(false);
  const [deadline, setDeadline] = useState(() => toLocalInput(new Date(Date.now() + 3 * 24 * 3600_000)));
  const errs = toFormErrors(res.error, ["text", "method", "deadline"], t("app.networkError"));
  if (!show) {
    return (
      <button type="button" className="btn" onClick={() => setShow(true)}>
        {t("motion.openNew")}
      </button>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await open({ input: { topicId, text, method, secret, deadline: fromLocalInput(deadline) ?? "" } });
        if (r.data) {
          setShow(false);
          setText("");
          onOpened(t("motion.opened"));
        }
      }}
    >
      <FormError message={errs.form} />
      <TextArea label={t("motion.text")} rows={3} maxLength={500} value={text} error={errs.fields.text} onChange={(e) => setText(e.target.value)} />
      <SelectField label={t("motion.method")} value={method} error={errs.fields.method} onChange={(e) => setMethod(e.target.value as VotingMethod)}>
        {METHODS.map((x) => (
          <option key={x} value={x}>
            {t(`motion.methods.${x}`)}
          </option>
        ))}
      </SelectField>
      <CheckField label={t("motion.secret")} hint={t("motion.secretHint")} checked={secret} onChange={(e) => setSecret(e.target.checked)} />
      <TextField label={t("motion.deadline")} type="datetime-local" value={deadline} error={errs.fields.deadline} onChange={(e) => setDeadline(e.target.value)} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("motion.openSubmit")}
        </button>
        <button type="button" className="btn" onClick={() => setShow(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}

interface MotionData {
  id: string;
  text: string;
  method: VotingMethod;
  secret: boolean;
  deadline: string;
  closed: boolean;
  myVote?: VoteChoice | null;
  result?: {
    countsHidden: boolean;
    yes?: number | null;
    no?: number | null;
    abstain?: number | null;
    voters: number;
    quorum: boolean;
    passed: boolean;
    parties: { party: string; agreed: boolean; yes?: number | null; no?: number | null; abstain?: number | null }[];
  } | null;
  resolution?: { id: string; stage: string } | null;
  voters: { party?: string | null; user: { id: string; name: string } }[];
}

function MotionCard({
  motion: mo,
  canVote,
  members,
  onChanged,
}: {
  motion: MotionData;
  canVote: boolean;
  members: { id: string; assisted: boolean; user: { id: string; name: string }; grid?: { id: string } | null }[];
  onChanged: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community, membership, can } = useCommunity();
  const navigate = useNavigate();
  // A grid worker records votes for the assisted residents of the grids they work for.
  const assistable = assistedOfWorker(
    members,
    membership.workerGrids.map((g) => g.id),
  );
  const [vres, vote] = useMutation(CastVoteMutation);
  const [cres, close] = useMutation(CloseMotionMutation);
  const [ares, adopt] = useMutation(AdoptResolutionMutation);
  const [asres, assisted] = useMutation(AssistedVoteMutation);
  const [who, setWho] = useState("");
  const [choice, setChoice] = useState<VoteChoice>("YES");
  const [witness, setWitness] = useState("");
  const [showAssist, setShowAssist] = useState(false);
  // Motion.myVote comes back null from the server for now (its enum is
  // resolved from a plain string), so the vote just cast is kept here too.
  const [cast, setCast] = useState<VoteChoice | null>(null);
  const myVote = mo.myVote ?? cast;
  const vErr = toFormErrors(vres.error ?? cres.error ?? ares.error, [], t("app.networkError"));
  const asErr = toFormErrors(asres.error, ["memberId", "choice", "witness"], t("app.networkError"));
  const open = !mo.closed && new Date(mo.deadline).getTime() > Date.now();
  const r = mo.result;
  const label = t("motion.labelShort", { text: mo.text.slice(0, 20) });
  return (
    <article aria-label={label}>
      <p className="motion-text">{mo.text}</p>
      <p className="tags">
        <span className="tag">{t(`motion.methods.${mo.method}`)}</span>
        {mo.secret && <span className="tag">{t("motion.secretTag")}</span>}
        <span className={open ? "tag tag-info" : "tag"}>{open ? t("motion.open") : t("motion.closed")}</span>
      </p>
      <p className="muted small">
        {t("motion.deadlineAt", { date: formatDateTime(mo.deadline, i18n.language, community.settings.timeZone) })}
      </p>
      <MotionVoters voters={mo.voters} />
      <FormError message={vErr.form} />
      {canVote && open && (
        <div className="actions vote-buttons" role="group" aria-label={t("motion.voteGroup")}>
          {CHOICES.map((c) => (
            <button
              key={c}
              type="button"
              className={myVote === c ? "btn btn-primary" : "btn"}
              aria-pressed={myVote === c}
              disabled={vres.fetching}
              onClick={async () => {
                const res = await vote({ input: { motionId: mo.id, choice: c } });
                if (res.data) {
                  setCast(c);
                  onChanged(t("motion.voted"));
                }
              }}
            >
              {t(`motion.choices.${c}`)}
            </button>
          ))}
        </div>
      )}
      {myVote && <p className="my-vote">{t("motion.myVote", { choice: t(`motion.choices.${myVote}`) })}</p>}
      {r && (
        <div className="vote-result">
          <p>
            {r.countsHidden ? t("motion.secretResult", { voters: r.voters }) : t("motion.counts", { yes: r.yes, no: r.no, abstain: r.abstain, voters: r.voters })}
          </p>
          <p className="tags">
            <span className={r.quorum ? "tag tag-ok" : "tag tag-warn"}>{r.quorum ? t("motion.quorumOk") : t("motion.quorumNo")}</span>
            {mo.closed && <span className={r.passed ? "tag tag-ok" : "tag tag-error"}>{r.passed ? t("motion.passed") : t("motion.failed")}</span>}
          </p>
          {r.parties.length > 0 && (
            <ul className="link-list" aria-label={t("motion.partiesTitle")}>
              {r.parties.map((p) => (
                <li key={p.party}>
                  {t(partyKey(p.party), { defaultValue: p.party })}
                  {!r.countsHidden && <>: {t("motion.partyCounts", { yes: p.yes, no: p.no, abstain: p.abstain })}</>}
                  {mo.closed && (
                    <>
                      {" "}
                      <span className={p.agreed ? "tag tag-ok" : "tag tag-error"}>
                        {p.agreed ? t("motion.partyAgrees") : t("motion.partyDisagrees")}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!r && mo.secret && <p className="muted small">{t("motion.secretPending")}</p>}
      <div className="actions">
        {can.committee && !mo.closed && (
          <button
            type="button"
            className="btn"
            disabled={cres.fetching}
            onClick={async () => {
              const res = await close({ input: { motionId: mo.id } });
              if (res.data) onChanged(t("motion.closedDone"));
            }}
          >
            {t("motion.close")}
          </button>
        )}
        {can.committee && mo.closed && r?.passed && !mo.resolution && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={ares.fetching}
            onClick={async () => {
              const res = await adopt({ input: { motionId: mo.id } });
              if (res.data) navigate(`/c/${community.id}/resolutions/${res.data.adoptResolution.resolution.id}`);
            }}
          >
            {t("motion.adopt")}
          </button>
        )}
        {mo.resolution && (
          <Link className="btn" to={`/c/${community.id}/resolutions/${mo.resolution.id}`}>
            {t("resolution.open")}
          </Link>
        )}
        {can.gridWorker && open && !showAssist && (
          <button type="button" className="btn" onClick={() => setShowAssist(true)}>
            {t("motion.assisted")}
          </button>
        )}
      </div>
      {can.gridWorker && open && showAssist && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const res = await assisted({ input: { motionId: mo.id, memberId: who, choice, witness } });
            if (res.data) {
              setShowAssist(false);
              setWitness("");
              onChanged(t("motion.assistedDone"));
            }
          }}
        >
          <h3>{t("motion.assisted")}</h3>
          <FormError message={asErr.form} />
          <SelectField label={t("motion.assistedFor")} value={who} error={asErr.fields.memberId} onChange={(e) => setWho(e.target.value)}>
            <option value="">{t("panel.chooseMember")}</option>
            {assistable.map((mm) => (
              <option key={mm.id} value={mm.id}>
                {mm.user.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("motion.choice")} value={choice} error={asErr.fields.choice} onChange={(e) => setChoice(e.target.value as VoteChoice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`motion.choices.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t("motion.witness")} hint={t("motion.witnessHint")} maxLength={64} value={witness} error={asErr.fields.witness} onChange={(e) => setWitness(e.target.value)} />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={asres.fetching}>
              {t("motion.assistedSubmit")}
            </button>
            <button type="button" className="btn" onClick={() => setShowAssist(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

/** CheckInPage is where the room's QR code leads: the attendee checks in with the code. */
export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const { mid = "" } = useParams();
  const [params] = useSearchParams();
  const { community } = useCommunity();
  const [code, setCode] = useState(params.get("code") ?? "");
  const [meeting] = useQuery({ query: MeetingQuery, variables: { id: mid } });
  const [res, checkIn] = useMutation(CheckInMutation);
  const [done, setDone] = useState(false);
  const errs = toFormErrors(res.error, ["code"], t("app.networkError"));
  const node = meeting.data?.node;
  if (meeting.data && node?.__typename !== "Meeting") return <NotFoundPage />;
  const m = node?.__typename === "Meeting" ? node : null;
  return (
    <Page title={t("meeting.checkInTitle")}>
      {m ? (
        <p className="lead">
          {m.title} · {formatDateTime(m.startsAt, i18n.language, community.settings.timeZone)}
          {m.place ? ` · ${m.place}` : ""}
        </p>
      ) : (
        <Skeleton lines={1} />
      )}
      <Notice message={done ? t("meeting.checkedInDone") : undefined} />
      {!done && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await checkIn({ input: { meetingId: mid, code: code.trim() } });
            if (r.data) setDone(true);
          }}
        >
          <FormError message={errs.form} />
          <TextField label={t("meeting.code")} value={code} autoComplete="off" error={errs.fields.code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
            {t("meeting.checkIn")}
          </button>
        </form>
      )}
      <p>
        <Link to={`/c/${community.id}/meetings/${mid}`}>{t("meeting.backToMeeting")}</Link>
      </p>
    </Page>
  );
}

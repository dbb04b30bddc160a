package patrol

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// ReportKind is what a patrol report (巡查上报) is about.
type ReportKind string

// Kinds of report.
const (
	Hazard   ReportKind = "hazard"   // 隐患: a fire exit blocked, a loose manhole
	Dispute  ReportKind = "dispute"  // 纠纷: between neighbours
	Civility ReportKind = "civility" // 文明劝导
	Other    ReportKind = "other"
)

// Severity says how serious a report is.
type Severity string

// Severities.
const (
	Low    Severity = "low"
	Medium Severity = "medium"
	High   Severity = "high"
)

// Triage is what the grid worker did with a report, on the record.
type Triage string

// Triage states: new until the grid worker decides.
const (
	Untriaged Triage = "new"
	Resolved  Triage = "resolved"  // on the spot
	Referred  Triage = "referred"  // to the property firm or a department, with a due date
	Mediation Triage = "mediation" // a dispute to the 和事佬 queue
	Escalated Triage = "escalated" // to a topic of the deliberation workflow
)

// Report is a patrol report.
type Report struct {
	ID          domain.ID
	CommunityID domain.ID
	Kind        ReportKind
	GridID      domain.ID
	MicroGridID domain.ID
	Place       string
	Severity    Severity
	Text        string
	Photos      []string // https links, taken with the phone's camera and uploaded elsewhere
	ReportedBy  domain.ID
	ReportedAt  time.Time
	Triage      Triage
	TriagedBy   domain.ID
	TriagedAt   time.Time
	Note        string    // what the grid worker did or said
	ReferredTo  string    // the property firm or department
	Due         time.Time // the referral's due date (end of day)
	CaseID      domain.ID // the mediation case
	TopicID     domain.ID // the topic it became
}

// ReportInput is a report as the patroller gives it.
type ReportInput struct {
	CommunityID domain.ID
	Kind        ReportKind
	MicroGridID domain.ID
	Place       string
	Severity    Severity
	Text        string
	Photos      []string
}

// Bounds of a report.
const MaxPhotos = 6

// FileReport files a report: any member of the community (a patroller on
// their round, mostly). Errors: Unauthenticated, Forbidden, Invalid (kind,
// microGridId, place, severity, text, photos[i]).
func (s *Service) FileReport(ctx context.Context, in ReportInput) (Report, error) {
	a, err := s.requireMember(ctx, in.CommunityID)
	if err != nil {
		return Report{}, err
	}
	d := reportDoc{ID: domain.NewID(), CommunityID: in.CommunityID, ReportedBy: a.UserID, ReportedAt: s.now(), Triage: string(Untriaged), Photos: []string{}}
	switch in.Kind {
	case Hazard, Dispute, Civility, Other:
		d.Kind = string(in.Kind)
	default:
		return Report{}, domain.InvalidField("kind", "类别只能是隐患、纠纷、文明劝导或其他", "the kind is hazard, dispute, civility or other")
	}
	switch in.Severity {
	case Low, Medium, High:
		d.Severity = string(in.Severity)
	default:
		return Report{}, domain.InvalidField("severity", "请选择严重程度", "choose how serious it is")
	}
	mg, err := s.comms.MicroGrid(ctx, in.MicroGridID)
	if err != nil || mg.CommunityID != in.CommunityID {
		return Report{}, domain.InvalidField("microGridId", "本社区没有这个微网格", "no such micro-grid in the community")
	}
	d.GridID, d.MicroGridID = mg.GridID, mg.ID
	if d.Place, err = text.Line("place", domain.Text{ZH: "地点", EN: "place"}, in.Place, 2, 100); err != nil {
		return Report{}, err
	}
	if d.Text, err = text.Body("text", in.Text, 2, 1000); err != nil {
		return Report{}, err
	}
	if len(in.Photos) > MaxPhotos {
		return Report{}, domain.InvalidField("photos", "最多 %d 张照片", "at most %d photos", MaxPhotos)
	}
	for i, p := range in.Photos {
		p = strings.TrimSpace(p)
		if len(p) > 500 || !strings.HasPrefix(p, "https://") {
			return Report{}, domain.InvalidField(fmt.Sprintf("photos[%d]", i), "照片链接须以 https:// 开头", "a photo link starts with https://")
		}
		d.Photos = append(d.Photos, p)
	}
	if err := s.insertReport(ctx, d); err != nil {
		return Report{}, err
	}
	return toReport(d), nil
}

// TriageInput is the grid worker's decision on a report.
type TriageInput struct {
	ReportID   domain.ID
	Action     Triage // Resolved, Referred, Mediation or Escalated (through the deliberation area)
	Note       string
	ReferredTo string    // for Referred
	Due        time.Time // for Referred: a day from tomorrow on
	Parties    string    // for Mediation: who is in the dispute, as the grid worker names them
}

// TriageReport decides a report, once: the grid workers of its grid or the
// committee. A dispute sent to mediation opens a case in the 和事佬 queue.
// Escalation to a topic goes through the deliberation area, which proposes
// the topic and calls LinkTopic. Errors: Unauthenticated, Forbidden,
// NotFound, Invalid (action; referredTo, due for a referral; parties for
// mediation; note), Conflict (decided already).
func (s *Service) TriageReport(ctx context.Context, in TriageInput) (Report, error) {
	d, err := s.findReport(ctx, in.ReportID)
	if err != nil {
		return Report{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return Report{}, err
	}
	if !a.WorksFor(d.GridID) && !a.Manager() {
		return Report{}, domain.Errorf(domain.Forbidden, "只有该网格的网格员或村（居）委会可以处理", "only a grid worker of its grid or the committee triages it")
	}
	if d.Triage != string(Untriaged) {
		return Report{}, domain.Errorf(domain.Conflict, "这条上报已经处理过了", "the report was triaged already")
	}
	set := triageSet{Triage: string(in.Action), By: a.UserID, At: s.now()}
	if set.Note, err = text.Body("note", in.Note, 0, 500); err != nil {
		return Report{}, err
	}
	switch in.Action {
	case Resolved:
	case Referred:
		if set.ReferredTo, err = text.Line("referredTo", domain.Text{ZH: "转交单位", EN: "referred to"}, in.ReferredTo, 2, 50); err != nil {
			return Report{}, err
		}
		if in.Due.IsZero() || !in.Due.After(s.now()) || in.Due.After(s.now().AddDate(1, 0, 0)) {
			return Report{}, domain.InvalidField("due", "办理期限须在今后一年之内", "the due date must lie within the coming year")
		}
		set.Due = in.Due
	case Mediation:
		parties, err := text.Line("parties", domain.Text{ZH: "当事人", EN: "parties"}, in.Parties, 2, 100)
		if err != nil {
			return Report{}, err
		}
		c := caseDoc{ID: domain.NewID(), CommunityID: d.CommunityID, ReportID: d.ID, Parties: parties, State: string(CaseOpen), OpenedAt: s.now(),
			OpenedBy: a.UserID, Sessions: []sessionDoc{}, Confirmed: []confirmationDoc{}}
		if err := s.insertCase(ctx, c); err != nil {
			return Report{}, err
		}
		set.CaseID = c.ID
	default:
		return Report{}, domain.InvalidField("action", "只能就地解决、转交、调解或转为议题", "resolve, refer, mediate or escalate")
	}
	ok, err := s.triage(ctx, d.ID, set)
	if err != nil || !ok {
		return Report{}, orConflict(err, domain.Errorf(domain.Conflict, "这条上报已经处理过了", "the report was triaged already"))
	}
	return s.Report(ctx, d.ID)
}

// EscalationFor checks that the actor may escalate a report to a topic
// and returns it: for the deliberation area, which proposes the topic and
// then calls LinkTopic. Errors: as TriageReport's.
func (s *Service) EscalationFor(ctx context.Context, reportID domain.ID) (Report, error) {
	d, err := s.findReport(ctx, reportID)
	if err != nil {
		return Report{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if err != nil {
		return Report{}, err
	}
	if !a.WorksFor(d.GridID) && !a.Manager() {
		return Report{}, domain.Errorf(domain.Forbidden, "只有该网格的网格员或村（居）委会可以处理", "only a grid worker of its grid or the committee triages it")
	}
	if d.Triage != string(Untriaged) {
		return Report{}, domain.Errorf(domain.Conflict, "这条上报已经处理过了", "the report was triaged already")
	}
	return toReport(d), nil
}

// LinkTopic records that a report became a topic (Escalated), once: the
// deliberation area calls it after proposing the topic, for the actor it
// checked with EscalationFor. Errors: NotFound, Conflict (decided
// meanwhile).
func (s *Service) LinkTopic(ctx context.Context, reportID, topicID domain.ID, note string) (Report, error) {
	a := domain.ActorFromContext(ctx)
	ok, err := s.triage(ctx, reportID, triageSet{Triage: string(Escalated), By: a.UserID, At: s.now(), Note: note, TopicID: topicID})
	if err != nil || !ok {
		return Report{}, orConflict(err, domain.Errorf(domain.Conflict, "这条上报已经处理过了", "the report was triaged already"))
	}
	return s.Report(ctx, reportID)
}

// Report returns a report to its reporter, the grid workers of its grid,
// the committee, and the mediators once it is a mediation case (what the
// dispute is about is the case's). Errors: Unauthenticated, NotFound
// (also to others).
func (s *Service) Report(ctx context.Context, id domain.ID) (Report, error) {
	d, err := s.findReport(ctx, id)
	if err != nil {
		return Report{}, err
	}
	a, err := s.requireMember(ctx, d.CommunityID)
	if domain.ErrorCode(err) == domain.Forbidden {
		return Report{}, errReportNotFound
	}
	if err != nil {
		return Report{}, err
	}
	mediates := d.CaseID != "" && a.Has(domain.RoleMediator)
	if a.UserID != d.ReportedBy && !a.WorksFor(d.GridID) && !a.Manager() && !mediates {
		return Report{}, errReportNotFound
	}
	return toReport(d), nil
}

// Reports lists a community's reports, newest first: all of them to the
// committee, those of their grids to grid workers, their own to others.
// Errors: Unauthenticated, Forbidden.
func (s *Service) Reports(ctx context.Context, communityID domain.ID, state *Triage) ([]Report, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	q := reportQuery{community: communityID, state: state}
	switch {
	case a.Manager():
	case a.Has(domain.RoleGridWorker):
		q.grids = a.WorkerGrids()
	default:
		q.reporter = a.UserID
	}
	docs, err := s.findReports(ctx, q, 200)
	out := make([]Report, len(docs))
	for i, d := range docs {
		out[i] = toReport(d)
	}
	return out, err
}

// Suggestion is a cluster of reports that suggests a topic: three of one
// kind in one micro-grid within 30 days.
type Suggestion struct {
	Kind        ReportKind
	MicroGridID domain.ID
	GridID      domain.ID
	Reports     []Report // newest first
}

// RepeatWindow and RepeatCount are when repeated reports suggest a topic.
const (
	RepeatWindow = 30 * 24 * time.Hour
	RepeatCount  = 3
)

// Suggestions lists the clusters of reports that suggest a topic to the
// grid workers of their grids (and the committee): RepeatCount reports of
// one kind in one micro-grid within RepeatWindow, none of them escalated
// yet. Errors: Unauthenticated, Forbidden.
func (s *Service) Suggestions(ctx context.Context, communityID domain.ID) ([]Suggestion, error) {
	a, err := s.requireMember(ctx, communityID)
	if err != nil {
		return nil, err
	}
	if !a.Manager() && !a.Has(domain.RoleGridWorker) {
		return []Suggestion{}, nil
	}
	docs, err := s.findReportsSince(ctx, communityID, s.now().Add(-RepeatWindow))
	if err != nil {
		return nil, err
	}
	type key struct{ kind, micro string }
	groups := map[key][]reportDoc{}
	var order []key
	escalated := map[key]bool{}
	for _, d := range docs {
		k := key{d.Kind, string(d.MicroGridID)}
		if d.Triage == string(Escalated) {
			escalated[k] = true
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], d)
	}
	out := []Suggestion{}
	for _, k := range order {
		g := groups[k]
		if len(g) < RepeatCount || escalated[k] || (!a.Manager() && !a.WorksFor(g[0].GridID)) {
			continue
		}
		sg := Suggestion{Kind: ReportKind(k.kind), MicroGridID: domain.ID(k.micro), GridID: g[0].GridID}
		for _, d := range g {
			sg.Reports = append(sg.Reports, toReport(d))
		}
		out = append(out, sg)
	}
	return out, nil
}

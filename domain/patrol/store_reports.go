package patrol

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Reports and mediation cases. A report is triaged once and a case taken
// once: conditional updates naming the state they leave.

// More collections owned by this area.
const (
	reportsColl = "patrol_reports"
	casesColl   = "patrol_cases"
)

// reportIndexes are the indexes of reports and cases.
func reportIndexes() []db.Index {
	return []db.Index{
		{Collection: reportsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "reported_at", Value: -1}}},
		{Collection: reportsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "triage", Value: 1}}},
		{Collection: casesColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "opened_at", Value: -1}}},
	}
}

type reportDoc struct {
	ID          domain.ID `bson:"_id"`
	CommunityID domain.ID `bson:"community_id"`
	Kind        string    `bson:"kind"`
	GridID      domain.ID `bson:"grid_id"`
	MicroGridID domain.ID `bson:"micro_grid_id"`
	Place       string    `bson:"place"`
	Severity    string    `bson:"severity"`
	Text        string    `bson:"text"`
	Photos      []string  `bson:"photos"`
	ReportedBy  domain.ID `bson:"reported_by"`
	ReportedAt  time.Time `bson:"reported_at"`
	Triage      string    `bson:"triage"`
	TriagedBy   domain.ID `bson:"triaged_by,omitempty"`
	TriagedAt   time.Time `bson:"triaged_at,omitempty"`
	Note        string    `bson:"note,omitempty"`
	ReferredTo  string    `bson:"referred_to,omitempty"`
	Due         time.Time `bson:"due,omitempty"`
	CaseID      domain.ID `bson:"case_id,omitempty"`
	TopicID     domain.ID `bson:"topic_id,omitempty"`
}

func toReport(d reportDoc) Report {
	return Report{ID: d.ID, CommunityID: d.CommunityID, Kind: ReportKind(d.Kind), GridID: d.GridID, MicroGridID: d.MicroGridID, Place: d.Place,
		Severity: Severity(d.Severity), Text: d.Text, Photos: d.Photos, ReportedBy: d.ReportedBy, ReportedAt: d.ReportedAt, Triage: Triage(d.Triage),
		TriagedBy: d.TriagedBy, TriagedAt: d.TriagedAt, Note: d.Note, ReferredTo: d.ReferredTo, Due: d.Due, CaseID: d.CaseID, TopicID: d.TopicID}
}

type sessionDoc struct {
	At   time.Time `bson:"at"`
	Note string    `bson:"note"`
}

type confirmationDoc struct {
	Party string    `bson:"party"`
	At    time.Time `bson:"at"`
}

type caseDoc struct {
	ID          domain.ID         `bson:"_id"`
	CommunityID domain.ID         `bson:"community_id"`
	ReportID    domain.ID         `bson:"report_id"`
	Parties     string            `bson:"parties"`
	State       string            `bson:"state"`
	MediatorID  domain.ID         `bson:"mediator_id,omitempty"`
	Sessions    []sessionDoc      `bson:"sessions"`
	Terms       string            `bson:"terms,omitempty"`
	ReferredTo  string            `bson:"referred_to,omitempty"`
	Confirmed   []confirmationDoc `bson:"confirmed"`
	OpenedAt    time.Time         `bson:"opened_at"`
	OpenedBy    domain.ID         `bson:"opened_by"`
	ClosedAt    time.Time         `bson:"closed_at,omitempty"`
}

func toCase(d caseDoc) Case {
	c := Case{ID: d.ID, CommunityID: d.CommunityID, ReportID: d.ReportID, Parties: d.Parties, State: CaseState(d.State), MediatorID: d.MediatorID,
		Terms: d.Terms, ReferredTo: d.ReferredTo, OpenedAt: d.OpenedAt, ClosedAt: d.ClosedAt}
	for _, s := range d.Sessions {
		c.Sessions = append(c.Sessions, Session(s))
	}
	for _, x := range d.Confirmed {
		c.Confirmed = append(c.Confirmed, Confirmation(x))
	}
	return c
}

var (
	errReportNotFound = domain.ErrNotFound("巡查上报", "report")
	errCaseNotFound   = domain.ErrNotFound("调解案件", "mediation case")
)

// insertReport stores a report.
func (s *Service) insertReport(ctx context.Context, d reportDoc) error {
	return db.Insert(ctx, s.db.Collection(reportsColl), d)
}

// findReport reads a report. Errors: NotFound.
func (s *Service) findReport(ctx context.Context, id domain.ID) (reportDoc, error) {
	return db.FindByIDOr[reportDoc](ctx, s.db.Collection(reportsColl), string(id), errReportNotFound)
}

// triageSet is a triage decision.
type triageSet struct {
	Triage     string
	By         domain.ID
	At         time.Time
	Note       string
	ReferredTo string
	Due        time.Time
	CaseID     domain.ID
	TopicID    domain.ID
}

// triage decides an untriaged report, once.
func (s *Service) triage(ctx context.Context, id domain.ID, t triageSet) (bool, error) {
	set := bson.M{"triage": t.Triage, "triaged_by": t.By, "triaged_at": t.At, "note": t.Note}
	if t.ReferredTo != "" {
		set["referred_to"], set["due"] = t.ReferredTo, t.Due
	}
	if t.CaseID != "" {
		set["case_id"] = t.CaseID
	}
	if t.TopicID != "" {
		set["topic_id"] = t.TopicID
	}
	return db.Update(ctx, s.db.Collection(reportsColl), bson.M{"_id": string(id), "triage": string(Untriaged)}, bson.M{"$set": set})
}

// reportQuery is what findReports filters on.
type reportQuery struct {
	community domain.ID
	state     *Triage
	grids     []domain.ID // a grid worker's
	reporter  domain.ID   // a member's own
}

// findReports reads a community's reports, newest first, at most limit.
func (s *Service) findReports(ctx context.Context, q reportQuery, limit int) ([]reportDoc, error) {
	filter := bson.M{"community_id": string(q.community)}
	if q.state != nil {
		filter["triage"] = string(*q.state)
	}
	if q.grids != nil {
		in := bson.A{}
		for _, g := range q.grids {
			in = append(in, string(g))
		}
		filter["grid_id"] = bson.M{"$in": in}
	}
	if q.reporter != "" {
		filter["reported_by"] = string(q.reporter)
	}
	return db.FindAll[reportDoc](ctx, s.db.Collection(reportsColl), filter,
		options.Find().SetSort(bson.D{{Key: "reported_at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(int64(limit)))
}

// findReportsSince reads a community's reports since a time, newest first.
func (s *Service) findReportsSince(ctx context.Context, communityID domain.ID, since time.Time) ([]reportDoc, error) {
	return db.FindAll[reportDoc](ctx, s.db.Collection(reportsColl), bson.M{"community_id": string(communityID), "reported_at": bson.M{"$gte": since}},
		options.Find().SetSort(bson.D{{Key: "reported_at", Value: -1}, {Key: "_id", Value: -1}}))
}

// insertCase stores a case.
func (s *Service) insertCase(ctx context.Context, d caseDoc) error {
	return db.Insert(ctx, s.db.Collection(casesColl), d)
}

// findCase reads a case. Errors: NotFound.
func (s *Service) findCase(ctx context.Context, id domain.ID) (caseDoc, error) {
	return db.FindByIDOr[caseDoc](ctx, s.db.Collection(casesColl), string(id), errCaseNotFound)
}

// findCases reads a community's cases, newest first.
func (s *Service) findCases(ctx context.Context, communityID domain.ID) ([]caseDoc, error) {
	return db.FindAll[caseDoc](ctx, s.db.Collection(casesColl), bson.M{"community_id": string(communityID)},
		options.Find().SetSort(bson.D{{Key: "opened_at", Value: -1}, {Key: "_id", Value: -1}}))
}

// caseSet is a change of a case.
type caseSet struct {
	State      CaseState
	Mediator   domain.ID
	Session    *sessionDoc
	Confirm    *confirmationDoc
	Terms      string
	ReferredTo string
	Closed     time.Time
}

// updateCase changes a case still in one of the states from.
func (s *Service) updateCase(ctx context.Context, id domain.ID, from []CaseState, c caseSet) (bool, error) {
	in := bson.A{}
	for _, st := range from {
		in = append(in, string(st))
	}
	set := bson.M{}
	if c.State != "" {
		set["state"] = string(c.State)
	}
	if c.Mediator != "" {
		set["mediator_id"] = string(c.Mediator)
	}
	if c.Terms != "" {
		set["terms"] = c.Terms
	}
	if c.ReferredTo != "" {
		set["referred_to"] = c.ReferredTo
	}
	if !c.Closed.IsZero() {
		set["closed_at"] = c.Closed
	}
	update := bson.M{}
	if len(set) > 0 {
		update["$set"] = set
	}
	if c.Session != nil {
		update["$push"] = bson.M{"sessions": c.Session}
	}
	if c.Confirm != nil {
		update["$push"] = bson.M{"confirmed": c.Confirm}
	}
	return db.Update(ctx, s.db.Collection(casesColl), bson.M{"_id": string(id), "state": bson.M{"$in": in}}, update)
}

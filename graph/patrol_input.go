package graph

import (
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/patrol"
)

// The patrol part's mutation inputs.

// createPatrolTeamInput: captainId is the User ID of a member.
type createPatrolTeamInput struct {
	CommunityID domain.ID `json:"communityId" id:"Community"`
	Name        string    `json:"name"`
	CaptainID   domain.ID `json:"captainId" id:"User"`
}

// patrolSlotInput is a weekly stretch of time a member can patrol.
type patrolSlotInput struct {
	Weekday time.Weekday `json:"weekday"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
}

// patrolMemberInput is joinPatrolTeam's and setPatrolMember's input: a
// member joins with their own settings (UserID and Note empty); the
// captain sets another's and the note.
type patrolMemberInput struct {
	TeamID     domain.ID         `json:"patrolTeamId" id:"PatrolTeam"`
	UserID     domain.ID         `json:"userId" id:"User"`
	Weekly     []patrolSlotInput `json:"weekly"`
	MaxPerWeek int               `json:"maxPerWeek"`
	NoNight    bool              `json:"noNight"`
	DaysOff    []time.Weekday    `json:"daysOff"`
	Note       string            `json:"note"`
}

func (in patrolMemberInput) toDomain() patrol.MemberInput {
	out := patrol.MemberInput{TeamID: in.TeamID, UserID: in.UserID, MaxPerWeek: in.MaxPerWeek, NoNight: in.NoNight, DaysOff: in.DaysOff, Note: in.Note}
	for _, s := range in.Weekly {
		out.Weekly = append(out.Weekly, patrol.Slot(s))
	}
	return out
}

// leavePatrolTeamInput names a team and, when the captain or the
// committee removes another, the member.
type leavePatrolTeamInput struct {
	TeamID domain.ID `json:"patrolTeamId" id:"PatrolTeam"`
	UserID domain.ID `json:"userId" id:"User"`
}

// checkpointInput is a route's checkpoint as the captain gives it.
type checkpointInput struct {
	Name        string    `json:"name"`
	MicroGridID domain.ID `json:"microGridId" id:"MicroGrid"`
	Lat         *float64  `json:"lat"`
	Lng         *float64  `json:"lng"`
}

// addPatrolRouteInput is a route of a grid with its checkpoints in walking order.
type addPatrolRouteInput struct {
	TeamID      domain.ID         `json:"patrolTeamId" id:"PatrolTeam"`
	GridID      domain.ID         `json:"gridId" id:"Grid"`
	Name        string            `json:"name"`
	Checkpoints []checkpointInput `json:"checkpoints"`
}

// checkpoints are the route's checkpoints as the domain takes them.
func (in addPatrolRouteInput) checkpoints() []patrol.CheckpointInput {
	out := make([]patrol.CheckpointInput, len(in.Checkpoints))
	for i, c := range in.Checkpoints {
		out[i] = patrol.CheckpointInput(c)
	}
	return out
}

// addShiftTemplateInput is a shift template as the captain gives it.
type addShiftTemplateInput struct {
	TeamID    domain.ID      `json:"patrolTeamId" id:"PatrolTeam"`
	RouteID   domain.ID      `json:"routeId" id:"PatrolRoute"`
	Name      string         `json:"name"`
	Days      []time.Weekday `json:"days"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
	Overnight bool           `json:"overnight"`
	Min       int            `json:"min"`
	Max       int            `json:"max"`
	Weight    float64        `json:"weight"`
	Night     bool           `json:"night"`
}

func (in addShiftTemplateInput) toDomain() patrol.TemplateInput {
	return patrol.TemplateInput{TeamID: in.TeamID, RouteID: in.RouteID, Name: in.Name, Days: in.Days, Start: in.Start, End: in.End,
		Overnight: in.Overnight, Min: in.Min, Max: in.Max, Weight: in.Weight, Night: in.Night}
}

// patrolMonthInput names a team's month, written 2026-12.
type patrolMonthInput struct {
	TeamID domain.ID `json:"patrolTeamId" id:"PatrolTeam"`
	Month  string    `json:"month"`
}

// positionRefInput names a place on a published shift.
type positionRefInput struct {
	PositionID domain.ID `json:"positionId" id:"PatrolPosition"`
}

// decideShiftSwapInput approves a waiting swap, or refuses it with a reason.
type decideShiftSwapInput struct {
	PositionID domain.ID `json:"positionId" id:"PatrolPosition"`
	Approve    bool      `json:"approve"`
	Reason     string    `json:"reason"`
}

// checkInPatrolInput: a scanned code, or the captain's checkpoint index.
type checkInPatrolInput struct {
	PositionID domain.ID `json:"positionId" id:"PatrolPosition"`
	Code       string    `json:"code"`
	Checkpoint int       `json:"checkpoint"`
}

// filePatrolReportInput is a report as the patroller gives it.
type filePatrolReportInput struct {
	CommunityID domain.ID         `json:"communityId" id:"Community"`
	Kind        patrol.ReportKind `json:"kind"`
	MicroGridID domain.ID         `json:"microGridId" id:"MicroGrid"`
	Place       string            `json:"place"`
	Severity    patrol.Severity   `json:"severity"`
	Text        string            `json:"text"`
	Photos      []string          `json:"photos"`
}

func (in filePatrolReportInput) toDomain() patrol.ReportInput {
	return patrol.ReportInput{CommunityID: in.CommunityID, Kind: in.Kind, MicroGridID: in.MicroGridID, Place: in.Place, Severity: in.Severity,
		Text: in.Text, Photos: in.Photos}
}

// triagePatrolReportInput is the grid worker's decision on a report.
type triagePatrolReportInput struct {
	ReportID   domain.ID     `json:"reportId" id:"PatrolReport"`
	Action     patrol.Triage `json:"action"`
	Note       string        `json:"note"`
	ReferredTo string        `json:"referredTo"`
	Due        time.Time     `json:"due"`
	Parties    string        `json:"parties"`
}

func (in triagePatrolReportInput) toDomain() patrol.TriageInput {
	return patrol.TriageInput{ReportID: in.ReportID, Action: in.Action, Note: in.Note, ReferredTo: in.ReferredTo, Due: in.Due, Parties: in.Parties}
}

// escalatePatrolReportInput is the topic a report becomes.
type escalatePatrolReportInput struct {
	ReportID domain.ID             `json:"reportId" id:"PatrolReport"`
	Title    string                `json:"title"`
	Body     string                `json:"body"`
	Category deliberation.Category `json:"category"`
	GridIDs  []domain.ID           `json:"gridIds" id:"Grid"`
}

func (in escalatePatrolReportInput) toDomain() deliberation.ProposeInput {
	return deliberation.ProposeInput{Title: in.Title, Body: in.Body, Category: in.Category, GridIDs: in.GridIDs}
}

// caseRefInput names a mediation case.
type caseRefInput struct {
	CaseID domain.ID `json:"caseId" id:"MediationCase"`
}

// recordMediationSessionInput is a mediation meeting's note.
type recordMediationSessionInput struct {
	CaseID domain.ID `json:"caseId" id:"MediationCase"`
	Note   string    `json:"note"`
}

// closeMediationCaseInput is a case's outcome.
type closeMediationCaseInput struct {
	CaseID     domain.ID        `json:"caseId" id:"MediationCase"`
	Outcome    patrol.CaseState `json:"outcome"`
	Terms      string           `json:"terms"`
	ReferredTo string           `json:"referredTo"`
}

// confirmMediationOutcomeInput names the party who confirmed the outcome.
type confirmMediationOutcomeInput struct {
	CaseID    domain.ID `json:"caseId" id:"MediationCase"`
	PartyName string    `json:"partyName"`
}

package patrol

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
	"github.com/yishi-app/yishi/domain/patrol/roster"
)

// Rosters, their publication, shifts and positions. A month is published
// once: its publication's _id is team/month, the first insert wins. A
// position's holder key (shift/user, or shift/open-n) is unique, and it
// changes hands by a conditional update naming the state it leaves, so of
// many who take a dropped place one gets it.

// More collections owned by this area.
const (
	rostersColl      = "patrol_rosters"      // _id is team-month: the month's draft, replaced until published
	publicationsColl = "patrol_publications" // _id is team/month: a month is published once
	shiftsColl       = "patrol_shifts"       // the published shifts
	positionsColl    = "patrol_positions"    // holder is unique: one place per person and shift
	eventsColl       = "patrol_events"       // the team's timeline
)

// rosterIndexes are the indexes of rosters, shifts and positions.
func rosterIndexes() []db.Index {
	return []db.Index{
		{Collection: shiftsColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "holder", Value: 1}}, Unique: true},
		{Collection: positionsColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "user_id", Value: 1}, {Key: "month", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "state", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "user_id", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "user_id", Value: 1}, {Key: "start", Value: 1}}},
		{Collection: positionsColl, Keys: bson.D{{Key: "community_id", Value: 1}, {Key: "state", Value: 1}, {Key: "end", Value: 1}}}, // hours to credit
		{Collection: eventsColl, Keys: bson.D{{Key: "team_id", Value: 1}, {Key: "at", Value: -1}}},
	}
}

type shiftDoc struct {
	ID          domain.ID `bson:"_id"`
	RosterID    domain.ID `bson:"roster_id"`
	TeamID      domain.ID `bson:"team_id"`
	CommunityID domain.ID `bson:"community_id"`
	TemplateID  domain.ID `bson:"template_id"`
	RouteID     domain.ID `bson:"route_id"`
	Start       time.Time `bson:"start"`
	End         time.Time `bson:"end"`
	Min         int       `bson:"min"`
	Max         int       `bson:"max"`
	Weight      float64   `bson:"weight"`
	Night       bool      `bson:"night"`
}

func fromShift(s Shift, rosterID domain.ID) shiftDoc {
	return shiftDoc{ID: s.ID, RosterID: rosterID, TeamID: s.TeamID, CommunityID: s.CommunityID, TemplateID: s.TemplateID, RouteID: s.RouteID,
		Start: s.Start, End: s.End, Min: s.Min, Max: s.Max, Weight: s.Weight, Night: s.Night}
}

func toShift(d shiftDoc) Shift {
	return Shift{ID: d.ID, TeamID: d.TeamID, CommunityID: d.CommunityID, TemplateID: d.TemplateID, RouteID: d.RouteID, Start: d.Start, End: d.End,
		Min: d.Min, Max: d.Max, Weight: d.Weight, Night: d.Night}
}

type draftDoc struct {
	ID          domain.ID     `bson:"_id"`
	TeamID      domain.ID     `bson:"team_id"`
	Month       string        `bson:"month"`
	Seed        string        `bson:"seed"`
	Shifts      []shiftDoc    `bson:"shifts"`
	Members     []memberDoc   `bson:"members"` // as they were when generated, for the check at publication
	Roster      roster.Roster `bson:"roster"`
	GeneratedAt time.Time     `bson:"generated_at"`
	Published   bool          `bson:"published"`
	PublishedAt time.Time     `bson:"published_at,omitempty"`
}

func toDraft(d draftDoc) Draft {
	out := Draft{ID: d.ID, TeamID: d.TeamID, Month: Month(d.Month), Seed: d.Seed, Roster: d.Roster, GeneratedAt: d.GeneratedAt,
		Published: d.Published, PublishedAt: d.PublishedAt}
	for _, s := range d.Shifts {
		out.Shifts = append(out.Shifts, toShift(s))
	}
	return out
}

type positionDoc struct {
	ID          domain.ID    `bson:"_id"`
	Holder      string       `bson:"holder"`
	ShiftID     domain.ID    `bson:"shift_id"`
	TeamID      domain.ID    `bson:"team_id"`
	CommunityID domain.ID    `bson:"community_id"`
	Number      int          `bson:"number"`
	UserID      domain.ID    `bson:"user_id"`
	State       string       `bson:"state"`
	Start       time.Time    `bson:"start"`
	End         time.Time    `bson:"end"`
	Weight      float64      `bson:"weight"`
	Night       bool         `bson:"night"`
	RouteID     domain.ID    `bson:"route_id"`
	Month       string       `bson:"month"`
	Passed      []passageDoc `bson:"passed"`
	// A swap waiting for the captain: who would take the offered place and
	// the constraint it breaks.
	PendingTaker  domain.ID   `bson:"pending_taker,omitempty"`
	PendingReason domain.Text `bson:"pending_reason,omitempty"`
}

type passageDoc struct {
	Checkpoint int       `bson:"checkpoint"`
	At         time.Time `bson:"at"`
	By         domain.ID `bson:"by,omitempty"`
}

func toPosition(d positionDoc) Position {
	p := Position{ID: d.ID, ShiftID: d.ShiftID, TeamID: d.TeamID, Number: d.Number, UserID: d.UserID, State: PositionState(d.State),
		Start: d.Start, End: d.End, Weight: d.Weight, Night: d.Night, RouteID: d.RouteID}
	for _, x := range d.Passed {
		p.Passed = append(p.Passed, Passage(x))
	}
	p.PendingTaker, p.PendingReason = d.PendingTaker, d.PendingReason
	return p
}

var (
	errRosterNotFound   = domain.ErrNotFound("排班", "roster")
	errPositionNotFound = domain.ErrNotFound("班次", "shift")
)

// saveDraft writes a month's draft with the members it was built from.
func (s *Service) saveDraft(ctx context.Context, d Draft, members []memberDoc) error {
	doc := draftDoc{ID: d.ID, TeamID: d.TeamID, Month: string(d.Month), Seed: d.Seed, Members: members, Roster: d.Roster, GeneratedAt: d.GeneratedAt}
	for _, sh := range d.Shifts {
		doc.Shifts = append(doc.Shifts, fromShift(sh, d.ID))
	}
	return db.Upsert(ctx, s.db.Collection(rostersColl), string(d.ID), doc)
}

// findDraft reads a month's roster. Errors: NotFound.
func (s *Service) findDraft(ctx context.Context, id domain.ID) (Draft, error) {
	d, err := db.FindByIDOr[draftDoc](ctx, s.db.Collection(rostersColl), string(id), errRosterNotFound)
	return toDraft(d), err
}

// findDraftWithMembers reads a month's roster and the members it was
// built from. Errors: NotFound.
func (s *Service) findDraftWithMembers(ctx context.Context, id domain.ID) (Draft, []memberDoc, error) {
	d, err := db.FindByIDOr[draftDoc](ctx, s.db.Collection(rostersColl), string(id), errRosterNotFound)
	return toDraft(d), d.Members, err
}

// markPublished marks a draft published.
func (s *Service) markPublished(ctx context.Context, id domain.ID, at time.Time) error {
	return db.UpdateByID(ctx, s.db.Collection(rostersColl), string(id), bson.M{"$set": bson.M{"published": true, "published_at": at}})
}

// findPublication reads a month's publication. Errors: NotFound.
func (s *Service) findPublication(ctx context.Context, teamID domain.ID, m Month) (bson.M, error) {
	return db.FindByID[bson.M](ctx, s.db.Collection(publicationsColl), string(teamID)+"/"+string(m))
}

// insertPublication publishes a month, once.
func (s *Service) insertPublication(ctx context.Context, teamID domain.ID, m Month, at time.Time) (bool, error) {
	return db.InsertOnce(ctx, s.db.Collection(publicationsColl), bson.M{"_id": string(teamID) + "/" + string(m), "team_id": string(teamID), "at": at})
}

// insertPublished stores a published month's shifts and positions.
func (s *Service) insertPublished(ctx context.Context, shifts []shiftDoc, positions []positionDoc) error {
	if err := db.InsertMany(ctx, s.db.Collection(shiftsColl), shifts); err != nil {
		return err
	}
	return db.InsertMany(ctx, s.db.Collection(positionsColl), positions)
}

// findPosition reads a position. Errors: NotFound.
func (s *Service) findPosition(ctx context.Context, id domain.ID) (positionDoc, error) {
	return db.FindByIDOr[positionDoc](ctx, s.db.Collection(positionsColl), string(id), errPositionNotFound)
}

// movePosition hands a position to user (empty: opens it) in state to, if
// it is still held as read and in one of the states from. Errors: Conflict
// (user holds a place on the shift already).
func (s *Service) movePosition(ctx context.Context, p positionDoc, from []PositionState, to PositionState, user domain.ID) (bool, error) {
	in := bson.A{}
	for _, st := range from {
		in = append(in, string(st))
	}
	return db.Update(ctx, s.db.Collection(positionsColl), bson.M{"_id": string(p.ID), "holder": p.Holder, "state": bson.M{"$in": in}},
		bson.M{"$set": bson.M{"state": string(to), "user_id": string(user), "holder": holderKey(p.ShiftID, user, p.Number)},
			"$unset": bson.M{"pending_taker": "", "pending_reason": ""}})
}

// setPositionState moves a position from one state to another, its holder
// unchanged, adding a passage when one is given.
func (s *Service) setPositionState(ctx context.Context, id domain.ID, from []PositionState, to PositionState, pass *passageDoc) (bool, error) {
	in := bson.A{}
	for _, st := range from {
		in = append(in, string(st))
	}
	filter := bson.M{"_id": string(id), "state": bson.M{"$in": in}}
	update := bson.M{"$set": bson.M{"state": string(to)}}
	if pass != nil {
		update["$push"] = bson.M{"passed": pass}
		filter["passed.checkpoint"] = bson.M{"$ne": pass.Checkpoint} // two scans at once add one passage
	}
	return db.Update(ctx, s.db.Collection(positionsColl), filter, update)
}

// findPositionsOf reads the places a member holds in a team's month, in
// time order.
func (s *Service) findPositionsOf(ctx context.Context, teamID, userID domain.ID, month string) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"team_id": string(teamID), "user_id": string(userID), "month": month},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findHeldFrom reads the places a member holds in a team, assigned or
// offered, on shifts that start after from, in time order.
func (s *Service) findHeldFrom(ctx context.Context, teamID, userID domain.ID, from time.Time) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"team_id": string(teamID), "user_id": string(userID),
		"state": bson.M{"$in": bson.A{string(Assigned), string(Offered)}}, "start": bson.M{"$gt": from}}, options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findTeamPositions reads a team's places of a month, in time order.
func (s *Service) findTeamPositions(ctx context.Context, teamID domain.ID, month string) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"team_id": string(teamID), "month": month},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}, {Key: "_id", Value: 1}}))
}

// findPositionsIn reads a team's places of a month in a state that start
// after from, in time order.
func (s *Service) findPositionsIn(ctx context.Context, teamID domain.ID, month string, state PositionState, from time.Time) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"team_id": string(teamID), "state": string(state), "month": month,
		"start": bson.M{"$gt": from}}, options.Find().SetSort(bson.D{{Key: "start", Value: 1}, {Key: "_id", Value: 1}}))
}

// eventDoc is a line of a team's timeline.
type eventDoc struct {
	ID      domain.ID `bson:"_id"`
	TeamID  domain.ID `bson:"team_id"`
	At      time.Time `bson:"at"`
	Actor   domain.ID `bson:"actor"`
	Kind    string    `bson:"kind"`
	ShiftID domain.ID `bson:"shift_id,omitempty"`
	Note    string    `bson:"note,omitempty"`
}

// insertEvent adds a line to a team's timeline.
func (s *Service) insertEvent(ctx context.Context, d eventDoc) error {
	return db.Insert(ctx, s.db.Collection(eventsColl), d)
}

// findEvents reads a team's timeline, newest first, at most limit lines.
func (s *Service) findEvents(ctx context.Context, teamID domain.ID, limit int) ([]eventDoc, error) {
	return db.FindAll[eventDoc](ctx, s.db.Collection(eventsColl), bson.M{"team_id": string(teamID)},
		options.Find().SetSort(bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(int64(limit)))
}

// requestSwap records that someone would take an offered place the
// captain must approve, unless another request waits.
func (s *Service) requestSwap(ctx context.Context, p positionDoc, taker domain.ID, why domain.Text) (bool, error) {
	return db.Update(ctx, s.db.Collection(positionsColl), bson.M{"_id": string(p.ID), "holder": p.Holder, "state": string(Offered),
		"pending_taker": bson.M{"$exists": false}}, bson.M{"$set": bson.M{"pending_taker": taker, "pending_reason": why}})
}

// clearSwap drops a place's waiting request.
func (s *Service) clearSwap(ctx context.Context, id domain.ID) error {
	_, err := db.Update(ctx, s.db.Collection(positionsColl), bson.M{"_id": string(id)}, bson.M{"$unset": bson.M{"pending_taker": "", "pending_reason": ""}})
	return err
}

// findUserPositions reads the places a user holds in a community's teams
// that start in [from, to), in time order.
func (s *Service) findUserPositions(ctx context.Context, communityID, userID domain.ID, from, to time.Time) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"community_id": string(communityID), "user_id": string(userID),
		"start": bson.M{"$gte": from, "$lt": to}}, options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findTeamPositionsBetween reads a team's places that start in [from, to),
// in time order.
func (s *Service) findTeamPositionsBetween(ctx context.Context, teamID domain.ID, from, to time.Time) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"team_id": string(teamID), "start": bson.M{"$gte": from, "$lt": to}},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}, {Key: "_id", Value: 1}}))
}

// findPositionsOfUser reads a user's places in every community from a
// time on, in time order.
func (s *Service) findPositionsOfUser(ctx context.Context, userID domain.ID, from time.Time) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"user_id": string(userID), "start": bson.M{"$gte": from}},
		options.Find().SetSort(bson.D{{Key: "start", Value: 1}}))
}

// findUncredited reads a community's walked patrols that ended by now,
// their hours not credited, oldest first.
func (s *Service) findUncredited(ctx context.Context, communityID domain.ID, now time.Time, limit int) ([]positionDoc, error) {
	return db.FindAll[positionDoc](ctx, s.db.Collection(positionsColl), bson.M{"community_id": string(communityID), "state": string(CheckedIn),
		"end": bson.M{"$lte": now}, "credited": bson.M{"$ne": true}}, options.Find().SetSort(bson.D{{Key: "end", Value: 1}}).SetLimit(int64(limit)))
}

// markCredited marks a patrol's hours credited.
func (s *Service) markCredited(ctx context.Context, id domain.ID) error {
	return db.UpdateByID(ctx, s.db.Collection(positionsColl), string(id), bson.M{"$set": bson.M{"credited": true}})
}

package deliberation

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/db"
)

// Panels, their seats and the draws that filled them.

const (
	panelsColl = "panels" // _id is the topic
	seatsColl  = "seats"  // _id is topic/user: one seat per person
	drawsColl  = "draws"  // _id is topic/salt/n
)

type panelDoc struct {
	ID              domain.ID `bson:"_id"`
	CommunityID     domain.ID `bson:"community_id"`
	Rules           []ruleDoc `bson:"rules"`
	Seed            string    `bson:"seed"`
	SeedPublishedAt time.Time `bson:"seed_published_at,omitempty"`
	State           string    `bson:"state"`
	ConfirmedAt     time.Time `bson:"confirmed_at,omitempty"`
	ConfirmedBy     domain.ID `bson:"confirmed_by,omitempty"`
}

type ruleDoc struct {
	Kind   string    `bson:"kind"`
	GridID domain.ID `bson:"grid_id"`
	Min    int       `bson:"min"`
	Max    int       `bson:"max"`
}

type seatDoc struct {
	ID      string    `bson:"_id"`
	TopicID domain.ID `bson:"topic_id"`
	UserID  domain.ID `bson:"user_id"`
	Kind    string    `bson:"kind"`
	GridID  domain.ID `bson:"grid_id"`
	Drawn   bool      `bson:"drawn"`
	DrawID  domain.ID `bson:"draw_id,omitempty"`
	State   string    `bson:"state"`
	// AnsweredBy is the grid worker who recorded an assisted resident's
	// answer, before Witness.
	AnsweredBy domain.ID `bson:"answered_by,omitempty"`
	Witness    string    `bson:"witness,omitempty"`
}

type drawDoc struct {
	ID       domain.ID   `bson:"_id"`
	TopicID  domain.ID   `bson:"topic_id"`
	Seed     string      `bson:"seed"`
	Salt     string      `bson:"salt"`
	Eligible []domain.ID `bson:"eligible"`
	Count    int         `bson:"count"`
	Drawn    []domain.ID `bson:"drawn"`
	Reserve  []domain.ID `bson:"reserve"`
	At       time.Time   `bson:"at"`
}

func toPanel(d panelDoc) Panel {
	p := Panel{TopicID: d.ID, CommunityID: d.CommunityID, Seed: d.Seed, SeedPublishedAt: d.SeedPublishedAt, State: PanelState(d.State),
		ConfirmedAt: d.ConfirmedAt, ConfirmedBy: d.ConfirmedBy}
	for _, r := range d.Rules {
		p.Rules = append(p.Rules, SeatRule{Kind: SeatKind(r.Kind), GridID: r.GridID, Min: r.Min, Max: r.Max})
	}
	return p
}

func toSeat(d seatDoc, communityID domain.ID) Seat {
	return Seat{UserID: d.UserID, CommunityID: communityID, Kind: SeatKind(d.Kind), GridID: d.GridID, Drawn: d.Drawn, DrawID: d.DrawID, State: SeatState(d.State),
		AnsweredBy: d.AnsweredBy, Witness: d.Witness}
}

// insertPanel stores a new panel; one made meanwhile holds.
func (s *Service) insertPanel(ctx context.Context, d panelDoc) error {
	_, err := db.InsertOnce(ctx, s.db.Collection(panelsColl), d)
	return err
}

// findPanel reads a topic's panel. Errors: NotFound.
func (s *Service) findPanel(ctx context.Context, topicID domain.ID) (Panel, error) {
	d, err := db.FindByID[panelDoc](ctx, s.db.Collection(panelsColl), string(topicID))
	if db.IsNotFound(err) {
		return Panel{}, errPanelNotFound
	}
	return toPanel(d), err
}

// findPanels reads the panels of some topics, in one query.
func (s *Service) findPanels(ctx context.Context, topicIDs []domain.ID) ([]Panel, error) {
	docs, err := db.FindAll[panelDoc](ctx, s.db.Collection(panelsColl), bson.M{"_id": bson.M{"$in": topicIDs}})
	out := make([]Panel, len(docs))
	for i, d := range docs {
		out[i] = toPanel(d)
	}
	return out, err
}

// setPanelRules replaces a panel's seat rules, and only them.
func (s *Service) setPanelRules(ctx context.Context, topicID domain.ID, rules []ruleDoc) error {
	return db.UpdateByID(ctx, s.db.Collection(panelsColl), string(topicID), bson.M{"$set": bson.M{"rules": rules}})
}

// setPanelSeed records the seed published at at on a panel.
func (s *Service) setPanelSeed(ctx context.Context, topicID domain.ID, seed string, at time.Time) error {
	return db.UpdateByID(ctx, s.db.Collection(panelsColl), string(topicID), bson.M{"$set": bson.M{"seed": seed, "seed_published_at": at}})
}

// confirmDraftPanel marks a panel confirmed, by whom and when, if it is
// still a draft; otherwise it changes nothing.
func (s *Service) confirmDraftPanel(ctx context.Context, topicID domain.ID, at time.Time, by domain.ID) error {
	_, err := db.Update(ctx, s.db.Collection(panelsColl), bson.M{"_id": string(topicID), "state": string(PanelDraft)},
		bson.M{"$set": bson.M{"state": string(PanelConfirmed), "confirmed_at": at, "confirmed_by": by}})
	return err
}

// lockPanel locks a topic's panel, if it has one.
func (s *Service) lockPanel(ctx context.Context, topicID domain.ID) error {
	_, err := db.Update(ctx, s.db.Collection(panelsColl), bson.M{"_id": string(topicID)}, bson.M{"$set": bson.M{"state": string(PanelLocked)}})
	return err
}

// seedPublished reports whether a topic's seed is on its timeline.
func (s *Service) seedPublished(ctx context.Context, topicID domain.ID) (bool, error) {
	n, err := db.Count(ctx, s.db.Collection(eventsColl), bson.M{"_id": string(topicID) + "/seed"})
	return n > 0, err
}

// insertSeat stores a new seat; won is false when the person has a seat on
// the panel already (the seat's _id is topic/user).
func (s *Service) insertSeat(ctx context.Context, d seatDoc) (won bool, err error) {
	return db.InsertOnce(ctx, s.db.Collection(seatsColl), d)
}

// findSeat reads user's seat on a topic's panel. Errors: NotFound.
func (s *Service) findSeat(ctx context.Context, topicID, user domain.ID) (seatDoc, error) {
	return db.FindByIDOr[seatDoc](ctx, s.db.Collection(seatsColl), string(topicID)+"/"+string(user), domain.ErrNotFound("席位", "seat"))
}

// findSeats reads all the seats of a topic's panel, whatever their state.
func (s *Service) findSeats(ctx context.Context, topicID domain.ID) ([]seatDoc, error) {
	return db.FindAll[seatDoc](ctx, s.db.Collection(seatsColl), bson.M{"topic_id": string(topicID)})
}

// findAcceptedSeats reads the accepted seats of a topic's panel.
func (s *Service) findAcceptedSeats(ctx context.Context, topicID domain.ID) ([]seatDoc, error) {
	return db.FindAll[seatDoc](ctx, s.db.Collection(seatsColl), bson.M{"topic_id": string(topicID), "state": string(Seated)})
}

// findAcceptedSeatsOnTopics reads the accepted seats of several topics'
// panels.
func (s *Service) findAcceptedSeatsOnTopics(ctx context.Context, topicIDs []domain.ID) ([]seatDoc, error) {
	return db.FindAll[seatDoc](ctx, s.db.Collection(seatsColl), bson.M{"topic_id": bson.M{"$in": strs(topicIDs)}, "state": string(Seated)})
}

// findInvitedSeatsOnTopics reads the seats not yet answered on the panels
// of some topics that are not locked, in two queries.
func (s *Service) findInvitedSeatsOnTopics(ctx context.Context, topicIDs []domain.ID) ([]seatDoc, error) {
	locked, err := db.FindAll[panelDoc](ctx, s.db.Collection(panelsColl), bson.M{"_id": bson.M{"$in": strs(topicIDs)}, "state": string(PanelLocked)},
		options.Find().SetProjection(bson.M{"_id": 1}))
	if err != nil {
		return nil, err
	}
	open := slices.DeleteFunc(slices.Clone(topicIDs), func(id domain.ID) bool {
		return slices.ContainsFunc(locked, func(d panelDoc) bool { return d.ID == id })
	})
	return db.FindAll[seatDoc](ctx, s.db.Collection(seatsColl), bson.M{"topic_id": bson.M{"$in": strs(open)}, "state": string(Invited)})
}

// findAcceptedSeatsOfUser reads the seats a user accepted, on any panel.
func (s *Service) findAcceptedSeatsOfUser(ctx context.Context, userID domain.ID) ([]seatDoc, error) {
	return db.FindAll[seatDoc](ctx, s.db.Collection(seatsColl), bson.M{"user_id": string(userID), "state": string(Seated)})
}

// countTakenSeats counts the seats of a kind and grid on a topic's panel
// that were not declined.
func (s *Service) countTakenSeats(ctx context.Context, topicID domain.ID, kind SeatKind, grid domain.ID) (int, error) {
	return db.Count(ctx, s.db.Collection(seatsColl), bson.M{"topic_id": string(topicID), "kind": string(kind), "grid_id": string(grid), "state": bson.M{"$ne": string(Declined)}})
}

// setSeatAnswer records a seat's answer: its state, and who recorded it
// before which witness.
func (s *Service) setSeatAnswer(ctx context.Context, d seatDoc) error {
	return db.UpdateByID(ctx, s.db.Collection(seatsColl), d.ID, bson.M{"$set": bson.M{"state": d.State, "answered_by": d.AnsweredBy, "witness": d.Witness}})
}

// countDraws counts the draws made for a topic's panel.
func (s *Service) countDraws(ctx context.Context, topicID domain.ID) (int, error) {
	return db.Count(ctx, s.db.Collection(drawsColl), bson.M{"topic_id": string(topicID)})
}

// insertDraw records a draw.
func (s *Service) insertDraw(ctx context.Context, d drawDoc) error {
	return db.Insert(ctx, s.db.Collection(drawsColl), d)
}

// findDraw reads a recorded draw. Errors: NotFound.
func (s *Service) findDraw(ctx context.Context, id domain.ID) (drawDoc, error) {
	return db.FindByIDOr[drawDoc](ctx, s.db.Collection(drawsColl), string(id), domain.ErrNotFound("抽签记录", "draw"))
}

// findAllDraws reads every recorded draw (for RecordMissing).
func (s *Service) findAllDraws(ctx context.Context) ([]drawDoc, error) {
	return db.FindAll[drawDoc](ctx, s.db.Collection(drawsColl), bson.M{})
}

package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain/deliberation"
)

// The deliberation area's states and kinds as enums: a client compares
// enum values, never lower-case strings.
func (b *builder) buildDeliberationEnums() {
	values := func(vals ...string) graphql.EnumValueConfigMap {
		m := graphql.EnumValueConfigMap{}
		for _, v := range vals {
			m[enumName(v)] = &graphql.EnumValueConfig{Value: v}
		}
		return m
	}
	b.partyEnum = graphql.NewEnum(graphql.EnumConfig{Name: "Party", Description: "A side of a three-party meeting (三方联动).",
		Values: values(string(deliberation.ResidentsCommittee), string(deliberation.OwnersParty), string(deliberation.PropertyParty))})
	b.panelStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "PanelState", Description: "DRAFT while forming, CONFIRMED by the committee, LOCKED once voting began.",
		Values: values(string(deliberation.PanelDraft), string(deliberation.PanelConfirmed), string(deliberation.PanelLocked))})
	b.seatStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "SeatState",
		Values: values(string(deliberation.Invited), string(deliberation.Seated), string(deliberation.Declined))})
	b.resolutionStageEnum = graphql.NewEnum(graphql.EnumConfig{Name: "ResolutionStage",
		Description: "NOTICE (its 公示期), AWAITING_ANSWERS (the period is over, objections unanswered), IN_EFFECT, CLOSED.",
		Values:      values(deliberation.StageNotice, deliberation.StageAwaitingAnswers, deliberation.StageInEffect, deliberation.StageClosed)})
	b.motionStateEnum = graphql.NewEnum(graphql.EnumConfig{Name: "MotionState", Description: "OPEN for votes; PAST_DEADLINE: voting is over, the committee has yet to close it and publish the result; CLOSED.",
		Values: values(deliberation.MotionOpen, deliberation.MotionPastDeadline, deliberation.MotionClosed)})
	b.eventKindEnum = graphql.NewEnum(graphql.EnumConfig{Name: "TopicEventKind",
		Description: "A topic's states as it enters them, and: MERGED_IN (another topic merged into it), COMMENT_HIDDEN, SEED (the panel's seed published), " +
			"POOL (the pool a seat rule draws from, fixed with the seed: note is its size and SHA-256), DRAWN, PANEL_CONFIRMED, RESOLUTION_ADOPTED.",
		Values: values("proposed", "collecting", "screening", "accepted", "merged", "merged_in", "referred", "rejected", "closed",
			"comment_hidden", "seed", "pool", "drawn", "panel_confirmed", "resolution_adopted")})
}

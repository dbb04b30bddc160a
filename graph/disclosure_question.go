package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// buildDisclosureQuestions builds DisclosureQuestion, its connection, and
// DisclosurePosting.
func (b *builder) buildDisclosureQuestions() {
	t := typesOf[disclosureTypes](b)
	t.question = graphql.NewObject(graphql.ObjectConfig{
		Name: "DisclosureQuestion",
		Description: "A member's question (质询) on a published version, answered publicly by the committee within 7 days, or else escalated on day 8 " +
			"to the supervision committee (村务监督委员会). Public, but who asked and answered only the community's members see.",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"id":         idField("DisclosureQuestion", func(q disclosure.Question) domain.ID { return q.ID }),
				"disclosure": {Type: nonNull(t.disclosure), Resolve: loadField(disclosuresOf, func(q disclosure.Question) domain.ID { return q.DisclosureID })},
				"version": {Type: nonNull(t.version), Description: "The version it was asked about.",
					Resolve: loadField(disclosureVersionsOf, func(q disclosure.Question) domain.ID { return q.VersionID })},
				"kind":    {Type: nonNull(t.kind), Resolve: field(func(q disclosure.Question) any { return q.Kind })},
				"text":    {Type: nonNull(graphql.String), Resolve: field(func(q disclosure.Question) any { return q.Text })},
				"askedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(q disclosure.Question) any { return q.AskedAt })},
				"asker": {Type: b.user, Description: "Who asked; null for those outside the community.",
					Resolve: loadField(usersOf, func(q disclosure.Question) domain.ID { return q.AskerID })},
				"state": {Type: nonNull(t.questionState), Resolve: field(func(q disclosure.Question) any { return q.State })},
				"dueAt": {Type: nonNull(graphql.DateTime), Description: "The end of the 7th day after it was asked, in the community's zone: answered before it is on time.",
					Resolve: field(func(q disclosure.Question) any { return q.DueAt })},
				"escalated":   {Type: nonNull(graphql.Boolean), Description: "Ever escalated, answered since or not.", Resolve: field(func(q disclosure.Question) any { return q.Escalated })},
				"escalatedAt": {Type: graphql.DateTime, Resolve: field(func(q disclosure.Question) any { return nilTime(q.EscalatedAt) })},
				"answer":      {Type: graphql.String, Resolve: field(func(q disclosure.Question) any { return nilString(q.Answer) })},
				"answeredAt":  {Type: graphql.DateTime, Resolve: field(func(q disclosure.Question) any { return nilTime(q.AnsweredAt) })},
				"answeredBy": {Type: b.user, Description: "Who answered; null before, and for those outside the community.",
					Resolve: loadField(usersOf, func(q disclosure.Question) domain.ID { return q.AnsweredBy })},
				"answeredByRole": {Type: b.roleEnum, Description: "COMMITTEE or SUPERVISOR; null before it is answered.", Resolve: field(func(q disclosure.Question) any {
					if q.AnsweredRole == "" {
						return nil
					}
					return q.AnsweredRole
				})},
				"onTime": {Type: graphql.Boolean, Description: "Whether it was answered within 7 days; null before it is answered.", Resolve: field(func(q disclosure.Question) any {
					if q.State != disclosure.QuestionAnswered {
						return nil
					}
					return q.OnTime
				})},
				"followUp": {Type: graphql.String, Description: "The supervision committee's note that it follows the question up.",
					Resolve: field(func(q disclosure.Question) any { return nilString(q.FollowUp) })},
				"followUpAt": {Type: graphql.DateTime, Resolve: field(func(q disclosure.Question) any { return nilTime(q.FollowUpAt) })},
			}
		}),
	})
	t.questionConn = b.connection("DisclosureQuestion", t.question)
	t.posting = graphql.NewObject(graphql.ObjectConfig{
		Name:        "DisclosurePosting",
		Description: "The record that a published version's notice was posted on a micro-grid's board or delivered door to door.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"version":    {Type: nonNull(t.version), Resolve: loadField(disclosureVersionsOf, func(p disclosure.Posting) domain.ID { return p.VersionID })},
				"grid":       {Type: nonNull(b.grid), Resolve: loadField(gridsOf, func(p disclosure.Posting) domain.ID { return p.GridID })},
				"microGrid":  {Type: nonNull(b.microGrid), Resolve: loadField(microGridsOf, func(p disclosure.Posting) domain.ID { return p.MicroGridID })},
				"date":       {Type: nonNull(graphql.String), Description: "2006-01-02, in the community's zone.", Resolve: field(func(p disclosure.Posting) any { return p.Date.String() })},
				"method":     {Type: nonNull(t.method), Resolve: field(func(p disclosure.Posting) any { return p.Method })},
				"postedBy":   {Type: nonNull(b.user), Resolve: loadField(usersOf, func(p disclosure.Posting) domain.ID { return p.ActorID })},
				"photoUrl":   {Type: graphql.String, Resolve: field(func(p disclosure.Posting) any { return nilString(p.PhotoURL) })},
				"recordedAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(p disclosure.Posting) any { return p.RecordedAt })},
			}
		}),
	})
}

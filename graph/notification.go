package graph

import (
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// notificationPart is mail notifications and preferences.
var notificationPart = part{
	records: map[string]string{"Notification": "通知"},
	types: func(b *builder) {
		b.buildNotifications()
		b.notificationConnections()
		b.addNodes(nodeOf(b.notification, b.svc.Notify.Notification))
	},
	mutations: (*builder).notificationMutations,
}

// notificationTypes builds the notification types and returns the
// preferences object, the notification object and its connection.
func (b *builder) buildNotifications() {
	kindValues := graphql.EnumValueConfigMap{}
	for _, k := range notify.AllKinds() {
		kindValues[enumName(string(k))] = &graphql.EnumValueConfig{Value: k, Description: k.Label().ZH + " (" + k.Label().EN + ")"}
	}
	b.notifyKindEnum = graphql.NewEnum(graphql.EnumConfig{Name: "NotificationKind", Values: kindValues})
	stateValues := graphql.EnumValueConfigMap{}
	for _, s := range []notify.State{notify.Pending, notify.Sent, notify.Failed, notify.Cancelled, notify.Skipped} {
		stateValues[enumName(string(s))] = &graphql.EnumValueConfig{Value: s}
	}
	stateEnum := graphql.NewEnum(graphql.EnumConfig{Name: "NotificationState", Values: stateValues})

	kindInfo := graphql.NewObject(graphql.ObjectConfig{Name: "NotificationKindInfo", Fields: graphql.Fields{
		"kind": {Type: nonNull(b.notifyKindEnum), Resolve: field(func(k notify.Kind) any { return k })},
		"label": {Type: nonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (any, error) {
			k, err := source[notify.Kind](p)
			return k.Label().In(domain.LangFromContext(p.Context)), err
		}},
	}})
	b.prefs = graphql.NewObject(graphql.ObjectConfig{
		Name:        "NotificationPreferences",
		Description: "What mail the viewer wants. Quiet hours hold non-urgent mail until they end, in the community's time zone.",
		Fields: graphql.Fields{
			"off":               {Type: listOf(b.notifyKindEnum), Resolve: field(func(p notify.Preferences) any { return p.Off })},
			"digest":            {Type: nonNull(graphql.Boolean), Resolve: field(func(p notify.Preferences) any { return p.Digest })},
			"quietHoursEnabled": {Type: nonNull(graphql.Boolean), Resolve: field(func(p notify.Preferences) any { return p.QuietEnabled })},
			"quietStart":        {Type: nonNull(graphql.String), Description: "HH:MM", Resolve: field(func(p notify.Preferences) any { return notify.FormatClock(p.QuietStart) })},
			"quietEnd":          {Type: nonNull(graphql.String), Description: "HH:MM", Resolve: field(func(p notify.Preferences) any { return notify.FormatClock(p.QuietEnd) })},
			"optionalKinds": {Type: listOf(kindInfo), Description: "The kinds that can be turned off.", Resolve: func(p graphql.ResolveParams) (any, error) {
				return notify.OptionalKinds(), nil
			}},
		},
	})
	b.notification = graphql.NewObject(graphql.ObjectConfig{
		Name:       "Notification",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.Fields{
			"id":        idField("Notification", func(it notify.Item) domain.ID { return it.ID }),
			"kind":      {Type: nonNull(b.notifyKindEnum), Resolve: field(func(it notify.Item) any { return it.Kind })},
			"state":     {Type: nonNull(stateEnum), Resolve: field(func(it notify.Item) any { return it.State })},
			"sendAt":    {Type: nonNull(graphql.DateTime), Resolve: field(func(it notify.Item) any { return it.SendAt })},
			"dueAt":     {Type: nonNull(graphql.DateTime), Description: "When it goes next: send time moved by quiet hours or retries.", Resolve: field(func(it notify.Item) any { return it.DueAt })},
			"sentAt":    {Type: graphql.DateTime, Resolve: field(func(it notify.Item) any { return nilTime(it.SentAt) })},
			"attempts":  {Type: nonNull(graphql.Int), Resolve: field(func(it notify.Item) any { return it.Attempts })},
			"lastError": {Type: graphql.String, Resolve: field(func(it notify.Item) any { return it.LastError })},
			"recipient": {Type: b.user, Resolve: loadField(usersOf, func(it notify.Item) domain.ID { return it.RecipientID })},
		},
	})
}

func (b *builder) notificationConnections() {
	b.notificationConn = b.connection("Notification", b.notification)
}

// updateNotificationPreferencesInput leaves a preference unchanged when null.
type updateNotificationPreferencesInput struct {
	Off               *[]notify.Kind `json:"off"`
	Digest            *bool          `json:"digest"`
	QuietHoursEnabled *bool          `json:"quietHoursEnabled"`
	QuietStart        *string        `json:"quietStart"`
	QuietEnd          *string        `json:"quietEnd"`
}

func (in updateNotificationPreferencesInput) toDomain() notify.PreferencesUpdate {
	return notify.PreferencesUpdate{Off: in.Off, Digest: in.Digest, QuietEnabled: in.QuietHoursEnabled, QuietStart: in.QuietStart, QuietEnd: in.QuietEnd}
}

type retryNotificationInput struct {
	NotificationID domain.ID `json:"notificationId" id:"Notification"`
}

func (b *builder) notificationMutations(f graphql.Fields) {
	f["updateNotificationPreferences"] = &graphql.Field{
		Type: nonNull(payload("UpdateNotificationPreferencesPayload", graphql.Fields{"preferences": {Type: nonNull(b.prefs)}})),
		Args: inputArg("UpdateNotificationPreferencesInput", graphql.InputObjectConfigFieldMap{
			"off":               {Type: graphql.NewList(graphql.NewNonNull(b.notifyKindEnum))},
			"digest":            {Type: graphql.Boolean},
			"quietHoursEnabled": {Type: graphql.Boolean},
			"quietStart":        {Type: graphql.String, Description: "HH:MM"},
			"quietEnd":          {Type: graphql.String, Description: "HH:MM"},
		}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[updateNotificationPreferencesInput](p)
			if err != nil {
				return nil, err
			}
			prefs, err := b.svc.Notify.UpdatePreferences(p.Context, in.toDomain())
			return map[string]any{"preferences": prefs}, err
		}),
	}
	f["regenerateCalendarUrl"] = &graphql.Field{
		Type:        nonNull(payload("RegenerateCalendarUrlPayload", graphql.Fields{"calendarUrl": {Type: nonNull(graphql.String)}})),
		Description: "Makes a new secret calendar feed URL; the old one stops working.",
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewInputObject(graphql.InputObjectConfig{
			Name: "RegenerateCalendarUrlInput", Fields: graphql.InputObjectConfigFieldMap{"clientMutationId": {Type: graphql.String}},
		})}},
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			u, err := b.svc.Notify.RegenerateCalendarURL(p.Context)
			return map[string]any{"calendarUrl": u}, err
		}),
	}
	f["retryNotification"] = &graphql.Field{
		Type:        nonNull(payload("RetryNotificationPayload", graphql.Fields{"notification": {Type: nonNull(b.notification)}})),
		Description: "Puts a failed notification of the admin's community back in the queue.",
		Args:        inputArg("RetryNotificationInput", graphql.InputObjectConfigFieldMap{"notificationId": {Type: nonNull(graphql.ID)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[retryNotificationInput](p)
			if err != nil {
				return nil, err
			}
			it, err := b.svc.Notify.Retry(p.Context, in.NotificationID)
			return map[string]any{"notification": it}, err
		}),
	}
}

// enumName turns "weekly_digest" into "WEEKLY_DIGEST".
func enumName(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c >= 'a' && c <= 'z' {
			out[i] = c - 'a' + 'A'
		}
	}
	return string(out)
}

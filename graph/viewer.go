package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/graph-gophers/dataloader/v7"
	"github.com/graphql-go/graphql"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/notify"
)

// viewerPart is the viewer: accounts, sessions, log-in.
var viewerPart = part{
	records: map[string]string{"User": "用户", "Session": "登录会话"},
	types: func(b *builder) {
		b.buildViewer()
		b.addNodes(
			nodeOf(b.user, func(ctx context.Context, id domain.ID) (account.User, error) {
				// Only the viewer themself; others are reached through memberships.
				if domain.ActorFromContext(ctx).UserID != id {
					return account.User{}, notFound("User")
				}
				return b.svc.Accounts.User(ctx, id)
			}),
			nodeOf(b.session, b.svc.Accounts.Session),
		)
	},
	queries:   (*builder).viewerQueries,
	mutations: (*builder).accountMutations,
}

// SessionCookie is the name of the browser's session cookie.
const SessionCookie = "yishi_session"

// viewerValue is the logged-in user seen by themself, with the session
// they act through (fresh from login, or the request's own).
type viewerValue struct {
	account.User
	SessionID domain.ID
}

// as returns a context acting as the viewer, so that fields of a viewer
// fresh from login see the new session rather than the anonymous request.
func (v viewerValue) as(p graphql.ResolveParams) context.Context {
	a := domain.ActorFromContext(p.Context)
	a.UserID, a.SessionID = v.ID, v.SessionID
	return domain.NewContextWithActor(p.Context, a)
}

// viewerField resolves a Viewer field through a service call made as the
// viewer.
func viewerField(get func(ctx context.Context) (any, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		v, err := source[viewerValue](p)
		if err != nil {
			return nil, err
		}
		return get(v.as(p))
	}
}

func (b *builder) buildViewer() {
	b.user = graphql.NewObject(graphql.ObjectConfig{
		Name:        "User",
		Description: "A person as other members see them.",
		Interfaces:  []*graphql.Interface{b.node},
		Fields: graphql.Fields{
			"id":       idField("User", func(u account.User) domain.ID { return u.ID }),
			"name":     {Type: nonNull(graphql.String), Resolve: field(func(u account.User) any { return u.Name })},
			"assisted": {Type: nonNull(graphql.Boolean), Description: "Registered by a grid worker; has no email or password.", Resolve: field(func(u account.User) any { return u.Assisted })},
		},
	})
	b.session = graphql.NewObject(graphql.ObjectConfig{
		Name:       "Session",
		Interfaces: []*graphql.Interface{b.node},
		Fields: graphql.Fields{
			"id":         idField("Session", func(s account.Session) domain.ID { return s.ID }),
			"createdAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(s account.Session) any { return s.CreatedAt })},
			"lastSeenAt": {Type: nonNull(graphql.DateTime), Resolve: field(func(s account.Session) any { return s.LastSeenAt })},
			"expiresAt":  {Type: nonNull(graphql.DateTime), Resolve: field(func(s account.Session) any { return s.ExpiresAt })},
			"userAgent":  {Type: nonNull(graphql.String), Resolve: field(func(s account.Session) any { return s.UserAgent })},
			"current": {Type: nonNull(graphql.Boolean), Description: "Whether this request uses the session.", Resolve: func(p graphql.ResolveParams) (any, error) {
				s, err := source[account.Session](p)
				return err == nil && s.ID == domain.ActorFromContext(p.Context).SessionID, err
			}},
		},
	})
	b.viewer = graphql.NewObject(graphql.ObjectConfig{
		Name:        "Viewer",
		Description: "The logged-in user, with what only they may see.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			f := graphql.Fields{
				"id":            {Type: nonNull(graphql.ID), Resolve: field(func(v viewerValue) any { return globalID("User", v.ID) })},
				"user":          {Type: nonNull(b.user), Resolve: field(func(v viewerValue) any { return v.User })},
				"name":          {Type: nonNull(graphql.String), Resolve: field(func(v viewerValue) any { return v.Name })},
				"email":         {Type: nonNull(graphql.String), Resolve: field(func(v viewerValue) any { return v.Email })},
				"emailVerified": {Type: nonNull(graphql.Boolean), Resolve: field(func(v viewerValue) any { return v.EmailVerified })},
				"sessions": {Type: listOf(b.session), Resolve: viewerField(func(ctx context.Context) (any, error) {
					return b.svc.Accounts.Sessions(ctx)
				})},
				"memberships": {Type: listOf(b.member), Resolve: viewerField(func(ctx context.Context) (any, error) {
					return b.svc.Communities.MyMemberships(ctx)
				})},
				"joinRequests": {Type: listOf(b.joinRequest), Resolve: viewerField(func(ctx context.Context) (any, error) {
					return b.svc.Communities.MyJoinRequests(ctx)
				})},
				"notificationPreferences": {Type: nonNull(b.prefs), Resolve: viewerField(func(ctx context.Context) (any, error) {
					return b.svc.Notify.MyPreferences(ctx)
				})},
				"notifications": {Type: nonNull(b.notificationConn), Description: "My notification history, oldest first.", Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := source[viewerValue](p)
					if err != nil {
						return nil, err
					}
					page, err := pageFrom(p)
					if err != nil {
						return nil, err
					}
					l, err := b.svc.Notify.History(v.as(p), page)
					return toConnection(l, func(it notify.Item) domain.ID { return it.ID }), err
				}},
				"calendarUrl": {Type: nonNull(graphql.String), Description: "My secret iCalendar feed of meetings, patrol shifts and volunteer tasks.", Resolve: viewerField(func(ctx context.Context) (any, error) {
					return b.svc.Notify.CalendarURL(ctx)
				})},
				"emailUndeliverable": {Type: graphql.String, Description: "Why mail to my address stopped (bounce, dropped, spamreport); null while it works.", Resolve: func(p graphql.ResolveParams) (any, error) {
					v, err := source[viewerValue](p)
					if err != nil || v.Email == "" {
						return nil, err
					}
					bad, err := b.svc.Notify.Undeliverable(p.Context, []string{v.Email})
					if r, ok := bad[v.Email]; ok {
						return r, err
					}
					return nil, err
				}},
			}
			b.viewerOperatorFields(f)
			return f
		}),
	})
}

func (b *builder) viewerQueries(f graphql.Fields) {
	f["viewer"] = &graphql.Field{
		Type:        b.viewer,
		Description: "The logged-in user; null when not logged in.",
		Resolve: func(p graphql.ResolveParams) (any, error) {
			return b.currentViewer(p)
		},
	}
}

func (b *builder) currentViewer(p graphql.ResolveParams) (any, error) {
	actor := domain.ActorFromContext(p.Context)
	if !actor.LoggedIn() {
		return nil, nil
	}
	u, err := b.svc.Accounts.User(p.Context, actor.UserID)
	if err != nil {
		return nil, err
	}
	return viewerValue{User: u, SessionID: actor.SessionID}, nil
}

// startSession sets the session cookie for a fresh login and returns the
// auth payload.
func (b *builder) startSession(p graphql.ResolveParams, l account.Login) map[string]any {
	st := stateFrom(p.Context)
	if st.setCookie != nil {
		st.setCookie(&http.Cookie{
			Name: SessionCookie, Value: l.Token, Path: "/", HttpOnly: true, Secure: st.secure,
			SameSite: http.SameSiteLaxMode, Expires: l.Session.ExpiresAt, MaxAge: int(account.SessionTTL / time.Second),
		})
	}
	out := map[string]any{"viewer": viewerValue{User: l.User, SessionID: l.Session.ID}, "token": l.Token}
	if st.browser {
		out["token"] = nil // the HttpOnly cookie carries it; script on the page never sees it
	}
	return out
}

type registerInput struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
}

func (in registerInput) toDomain() account.RegisterInput {
	return account.RegisterInput{Email: in.Email, Password: in.Password, Name: in.Name}
}

type completeSignUpInput struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

func (in completeSignUpInput) toDomain() account.CompleteSignUpInput {
	return account.CompleteSignUpInput{Token: in.Token, Password: in.Password}
}

type loginInput struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (in loginInput) toDomain() account.LoginInput {
	return account.LoginInput{Email: in.Email, Password: in.Password}
}

type changePasswordInput struct {
	CurrentPassword string `json:"currentPassword"`
	NewPassword     string `json:"newPassword"`
}

func (in changePasswordInput) toDomain() account.ChangePasswordInput {
	return account.ChangePasswordInput{CurrentPassword: in.CurrentPassword, NewPassword: in.NewPassword}
}

type revokeSessionInput struct {
	SessionID domain.ID `json:"sessionId" id:"Session"`
}

type verifyEmailInput struct {
	Token string `json:"token"`
}

type requestPasswordResetInput struct {
	Email string `json:"email"`
}

type resetPasswordInput struct {
	Token       string `json:"token"`
	NewPassword string `json:"newPassword"`
}

func (in resetPasswordInput) toDomain() account.ResetPasswordInput {
	return account.ResetPasswordInput{Token: in.Token, NewPassword: in.NewPassword}
}

func (b *builder) accountMutations(f graphql.Fields) {
	auth := payload("AuthPayload", graphql.Fields{
		"viewer": {Type: nonNull(b.viewer)},
		"token":  {Type: graphql.String, Description: "The session token, for clients that send Authorization: Bearer; null for browsers (requests with Sec-Fetch-Mode), which get the HttpOnly cookie only."},
	})
	ok := func(name string) *graphql.Object {
		return payload(name, graphql.Fields{"ok": {Type: nonNull(graphql.Boolean)}})
	}
	str := &graphql.InputObjectFieldConfig{Type: nonNull(graphql.String)}
	done := map[string]any{"ok": true}

	f["register"] = &graphql.Field{
		Type:        nonNull(ok("RegisterPayload")),
		Description: "Signs up: mails the address the link that finishes the sign-up (completeSignUp), or a note that it has an account. Answers the same either way.",
		Args:        inputArg("RegisterInput", graphql.InputObjectConfigFieldMap{"email": str, "password": str, "name": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[registerInput](p)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Accounts.SignUp(p.Context, in.toDomain()); err != nil {
				return nil, err
			}
			return done, nil
		}),
	}
	f["completeSignUp"] = &graphql.Field{
		Type:        nonNull(auth),
		Description: "Finishes a sign-up with the mailed link's token and the password chosen when signing up; logs in.",
		Args:        inputArg("CompleteSignUpInput", graphql.InputObjectConfigFieldMap{"token": str, "password": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[completeSignUpInput](p)
			if err != nil {
				return nil, err
			}
			l, err := b.svc.Accounts.CompleteSignUp(p.Context, in.toDomain())
			if err != nil {
				return nil, err
			}
			return b.startSession(p, l), nil
		}),
	}
	f["login"] = &graphql.Field{
		Type: nonNull(auth),
		Args: inputArg("LoginInput", graphql.InputObjectConfigFieldMap{"email": str, "password": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[loginInput](p)
			if err != nil {
				return nil, err
			}
			l, err := b.svc.Accounts.Login(p.Context, in.toDomain())
			if err != nil {
				return nil, err
			}
			return b.startSession(p, l), nil
		}),
	}
	f["logout"] = &graphql.Field{
		Type: nonNull(ok("LogoutPayload")),
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewInputObject(graphql.InputObjectConfig{
			Name: "LogoutInput", Fields: graphql.InputObjectConfigFieldMap{"clientMutationId": {Type: graphql.String}},
		})}},
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			if err := b.svc.Accounts.Logout(p.Context); err != nil {
				return nil, err
			}
			st := stateFrom(p.Context)
			if st.setCookie != nil {
				st.setCookie(&http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: st.secure, SameSite: http.SameSiteLaxMode, MaxAge: -1})
			}
			return done, nil
		}),
	}
	f["changePassword"] = &graphql.Field{
		Type: nonNull(payload("ChangePasswordPayload", graphql.Fields{"viewer": {Type: nonNull(b.viewer)}})),
		Args: inputArg("ChangePasswordInput", graphql.InputObjectConfigFieldMap{"currentPassword": str, "newPassword": str}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[changePasswordInput](p)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Accounts.ChangePassword(p.Context, in.toDomain()); err != nil {
				return nil, err
			}
			v, err := b.currentViewer(p)
			return map[string]any{"viewer": v}, err
		}),
	}
	f["revokeSession"] = &graphql.Field{
		Type: nonNull(payload("RevokeSessionPayload", graphql.Fields{"revokedSessionId": {Type: nonNull(graphql.ID)}})),
		Args: inputArg("RevokeSessionInput", graphql.InputObjectConfigFieldMap{"sessionId": {Type: nonNull(graphql.ID)}}),
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[revokeSessionInput](p)
			if err != nil {
				return nil, err
			}
			if err := b.svc.Accounts.RevokeSession(p.Context, in.SessionID); err != nil {
				return nil, err
			}
			return map[string]any{"revokedSessionId": globalID("Session", in.SessionID)}, nil
		}),
	}
	f["requestEmailVerification"] = &graphql.Field{
		Type: nonNull(ok("RequestEmailVerificationPayload")),
		Args: graphql.FieldConfigArgument{"input": {Type: graphql.NewInputObject(graphql.InputObjectConfig{
			Name: "RequestEmailVerificationInput", Fields: graphql.InputObjectConfigFieldMap{"clientMutationId": {Type: graphql.String}},
		})}},
		Resolve: mutation(func(p graphql.ResolveParams) (any, error) {
			return done, b.svc.Accounts.RequestEmailVerification(p.Context)
		}),
	}
	f["verifyEmail"] = &graphql.Field{
		Type: nonNull(ok("VerifyEmailPayload")),
		Args: inputArg("VerifyEmailInput", graphql.InputObjectConfigFieldMap{"token": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[verifyEmailInput](p)
			if err != nil {
				return nil, err
			}
			return done, b.svc.Accounts.VerifyEmail(p.Context, in.Token)
		}),
	}
	f["requestPasswordReset"] = &graphql.Field{
		Type:        nonNull(ok("RequestPasswordResetPayload")),
		Description: "Mails a reset link if the email has an account; answers the same either way.",
		Args:        inputArg("RequestPasswordResetInput", graphql.InputObjectConfigFieldMap{"email": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[requestPasswordResetInput](p)
			if err != nil {
				return nil, err
			}
			return done, b.svc.Accounts.RequestPasswordReset(p.Context, in.Email)
		}),
	}
	f["resetPassword"] = &graphql.Field{
		Type: nonNull(ok("ResetPasswordPayload")),
		Args: inputArg("ResetPasswordInput", graphql.InputObjectConfigFieldMap{"token": str, "newPassword": str}),
		Resolve: publicMutation(func(p graphql.ResolveParams) (any, error) {
			in, err := readInput[resetPasswordInput](p)
			if err != nil {
				return nil, err
			}
			return done, b.svc.Accounts.ResetPassword(p.Context, in.toDomain())
		}),
	}
}

// usersOf loads users by ID.
var usersOf = loaderOf(func(s Services) dataloader.BatchFunc[domain.ID, account.User] {
	return byIDs("User", s.Accounts.UsersByID)
})

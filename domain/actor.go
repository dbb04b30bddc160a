package domain

import "context"

// Actor is who is acting in a request: a logged-in user with the session they
// used, or an anonymous client known only by IP address.
type Actor struct {
	UserID    ID
	SessionID ID
	IP        string
	UserAgent string
	// System marks an internal caller that is no request (the demo data,
	// start-up tasks): it may do what a platform operator may. Only cmd
	// and tests make one (NewSystemContext); graph never does.
	System bool
}

// LoggedIn reports whether the actor is a logged-in user.
func (a Actor) LoggedIn() bool { return a.UserID != "" }

type actorKey struct{}

// NewContextWithActor returns a context carrying the acting user.
func NewContextWithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFromContext returns the acting user, the zero Actor when anonymous.
func ActorFromContext(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

// NewSystemContext returns a context whose actor is the system itself.
func NewSystemContext(ctx context.Context) context.Context {
	return NewContextWithActor(ctx, Actor{System: true})
}

// RequireUser returns the logged-in actor, or ErrUnauthenticated.
func RequireUser(ctx context.Context) (Actor, error) {
	a := ActorFromContext(ctx)
	if !a.LoggedIn() {
		return a, ErrUnauthenticated
	}
	return a, nil
}

package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/graphql-go/graphql/gqlerrors"

	"github.com/yishi-app/yishi/domain"
)

// extensionCodes maps domain error codes to GraphQL extensions.code.
var extensionCodes = map[domain.Code]string{
	domain.Invalid:         "BAD_USER_INPUT",
	domain.NotFound:        "NOT_FOUND",
	domain.Conflict:        "CONFLICT",
	domain.Unauthenticated: "UNAUTHENTICATED",
	domain.Forbidden:       "FORBIDDEN",
	domain.RateLimited:     "RATE_LIMITED",
	domain.Internal:        "INTERNAL",
}

// requestIDKey carries the request id in the context.
type requestIDKey struct{}

// NewContextWithRequestID returns a context carrying the request id, which
// masked internal errors show and logs carry.
func NewContextWithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the id of the HTTP request a context belongs to.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// presentErrors turns graphql-go's errors into what clients see: domain
// errors get their code, field and message in the request's language; any
// other error from a resolver is logged once and masked as INTERNAL with the
// request id, so no driver text reaches a client.
func presentErrors(ctx context.Context, log *slog.Logger, errs []gqlerrors.FormattedError) []gqlerrors.FormattedError {
	lang := domain.LangFromContext(ctx)
	out := make([]gqlerrors.FormattedError, len(errs))
	for i, fe := range errs {
		orig := fe.OriginalError()
		var ge *gqlerrors.Error
		if errors.As(orig, &ge) {
			orig = ge.OriginalError
		}
		if orig == nil {
			// A document error found by graphql-go's parser or validator.
			out[i] = withExtensions(fe, fe.Message, map[string]any{"code": "BAD_USER_INPUT"})
			continue
		}
		if e, ok := domain.AsError(orig); ok && e.Code != domain.Internal {
			ext := map[string]any{"code": extensionCodes[e.Code]}
			if e.Field != "" {
				ext["field"] = e.Field
			}
			out[i] = withExtensions(fe, e.Message.In(lang), ext)
			continue
		}
		rid := RequestID(ctx)
		if errors.Is(orig, context.Canceled) {
			log.DebugContext(ctx, "request cancelled by the client", "request_id", rid, "path", fe.Path)
		} else {
			log.ErrorContext(ctx, "resolver failed", "request_id", rid, "path", fe.Path, "err", orig)
		}
		msg := domain.Text{ZH: "服务器内部错误，请稍后再试（请求编号 " + rid + "）", EN: "internal error (request id " + rid + ")"}
		out[i] = withExtensions(fe, msg.In(lang), map[string]any{"code": "INTERNAL", "requestId": rid})
	}
	return out
}

func withExtensions(fe gqlerrors.FormattedError, msg string, ext map[string]any) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{Message: msg, Locations: fe.Locations, Path: fe.Path, Extensions: ext}
}

// requestError is an error about the request itself (bad JSON, too deep),
// answered before execution.
func requestError(lang domain.Lang, code string, msg domain.Text) gqlerrors.FormattedError {
	return gqlerrors.FormattedError{Message: msg.In(lang), Extensions: map[string]any{"code": code}}
}

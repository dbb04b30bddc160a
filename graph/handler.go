package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"strings"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	gqlsource "github.com/graphql-go/graphql/language/source"

	"github.com/yishi-app/yishi/domain"
)

// Handler serves GraphQL over HTTP: POST with a JSON body, GET for queries
// only, application/graphql-response+json when the client accepts it. It
// authenticates the session cookie or bearer token, enforces the limits and
// hands browsers GraphiQL.
type Handler struct {
	schema   graphql.Schema
	svc      Services
	log      *slog.Logger
	secure   bool
	graphiql http.Handler

	// Execution guard (execute): at most cap(slots) operations run at
	// once in this instance, each for at most execTimeout.
	slots       chan struct{}
	execTimeout time.Duration

	// trusted are the reverse proxies whose X-Forwarded-For, Forwarded and
	// X-Forwarded-Proto headers are believed.
	trusted []netip.Prefix
}

// SetTrustedProxies names the reverse proxies in front of the server: a
// request from one of them is taken to come from the first address before
// the trusted ones in X-Forwarded-For (or Forwarded), and to have come over
// TLS when the proxy says so. Call it before serving.
func (h *Handler) SetTrustedProxies(prefixes []netip.Prefix) { h.trusted = prefixes }

// Execution limits per instance; SetExecLimits changes them.
const (
	DefaultExecTimeout = 15 * time.Second
	slotWait           = 2 * time.Second // how long a request waits for a free slot before 503
)

// DefaultMaxExecutions is the default cap on concurrent executions.
func DefaultMaxExecutions() int { return 16 * runtime.GOMAXPROCS(0) }

// NewHandler returns the GraphQL HTTP handler. Secure marks the session
// cookie Secure (when the site is served over https); graphiql, if not nil,
// answers a browser's GET without a query.
func NewHandler(schema graphql.Schema, svc Services, log *slog.Logger, secure bool, graphiql http.Handler) *Handler {
	h := &Handler{schema: schema, svc: svc, log: log, secure: secure, graphiql: graphiql}
	h.SetExecLimits(DefaultMaxExecutions(), DefaultExecTimeout)
	return h
}

// SetExecLimits sets how many operations may execute at once in this
// instance (more wait up to 2 s for a slot, then get 503 with Retry-After)
// and how long one may take before its client gets 503. Call it before
// serving.
func (h *Handler) SetExecLimits(maxConcurrent int, timeout time.Duration) {
	h.slots, h.execTimeout = make(chan struct{}, max(maxConcurrent, 1)), timeout
}

const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

type request struct {
	Query         string          `json:"query"`
	Variables     map[string]any  `json:"variables"`
	OperationName string          `json:"operationName"`
	Extensions    json.RawMessage `json:"extensions"`
}

// errorsOnly is the response to a request that did not reach execution: it
// has no "data" entry at all (GraphQL over HTTP).
type errorsOnly struct {
	Errors []gqlerrors.FormattedError `json:"errors"`
}

// ServeHTTP answers one GraphQL request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := domain.NewContextWithLang(r.Context(), domain.ParseAcceptLanguage(r.Header.Get("Accept-Language")))
	lang := domain.LangFromContext(ctx)
	media, ok := responseMedia(r.Header.Get("Accept"))
	fail := func(status int, code string, msg domain.Text) {
		writeJSON(w, media, status, errorsOnly{Errors: []gqlerrors.FormattedError{requestError(lang, code, msg)}})
	}
	if !ok && !(r.Method == http.MethodGet && h.graphiql != nil && strings.Contains(r.Header.Get("Accept"), "text/html")) {
		fail(http.StatusNotAcceptable, "BAD_REQUEST", domain.Text{
			ZH: "无法提供 Accept 所列的类型：请接受 application/graphql-response+json 或 application/json",
			EN: "none of the media types in Accept can be served: accept application/graphql-response+json or application/json"})
		return
	}

	var req request
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		if q.Get("query") == "" && h.graphiql != nil && strings.Contains(r.Header.Get("Accept"), "text/html") {
			h.graphiql.ServeHTTP(w, r)
			return
		}
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("extensions"); v != "" {
			req.Extensions = json.RawMessage(v)
		}
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				fail(http.StatusBadRequest, "BAD_REQUEST", domain.Text{ZH: "variables 不是有效的 JSON 对象", EN: "variables is not a JSON object"})
				return
			}
		}
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != mediaJSON {
			// Only JSON: a form post from another site cannot reach a mutation.
			fail(http.StatusUnsupportedMediaType, "BAD_REQUEST", domain.Text{ZH: "请求须为 application/json", EN: "the request must be application/json"})
			return
		}
		body := http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		dec := json.NewDecoder(body)
		if err := dec.Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				fail(http.StatusRequestEntityTooLarge, "BAD_REQUEST", domain.Text{ZH: "请求体过大", EN: "the request body is too large"})
				return
			}
			fail(http.StatusBadRequest, "BAD_REQUEST", domain.Text{ZH: "请求体不是有效的 JSON", EN: "the request body is not valid JSON"})
			return
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		fail(http.StatusMethodNotAllowed, "BAD_REQUEST", domain.Text{ZH: "不支持的请求方法", EN: "method not allowed"})
		return
	}
	if !jsonObjectOrNull(req.Extensions) {
		fail(http.StatusBadRequest, "BAD_REQUEST", domain.Text{ZH: "extensions 须为 JSON 对象", EN: "extensions must be a JSON object"})
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		fail(http.StatusBadRequest, "BAD_REQUEST", domain.Text{ZH: "缺少 query", EN: "missing query"})
		return
	}
	if len(req.Query) > MaxBodyBytes || rawNesting(req.Query, maxRawNesting) > maxRawNesting {
		fail(http.StatusBadRequest, "BAD_USER_INPUT", errTooComplex)
		return
	}

	doc, err := parser.Parse(parser.ParseParams{Source: gqlsource.NewSource(&gqlsource.Source{Body: []byte(req.Query), Name: "GraphQL request"})})
	if err != nil {
		h.writeDocErrors(ctx, w, media, gqlerrors.FormatErrors(err))
		return
	}
	// Our own pass over the fragments comes first: graphql-go's validation
	// overflows the stack on a fragment cycle (fragments.go).
	if msg := checkFragments(doc); msg != nil {
		fail(http.StatusBadRequest, "BAD_USER_INPUT", *msg)
		return
	}
	op := findOperation(doc, req.OperationName)
	if op == nil {
		fail(http.StatusBadRequest, "BAD_USER_INPUT", domain.Text{ZH: "找不到要执行的操作", EN: "no operation to run; give operationName"})
		return
	}
	if r.Method == http.MethodGet && op.Operation != ast.OperationTypeQuery {
		w.Header().Set("Allow", "POST")
		fail(http.StatusMethodNotAllowed, "BAD_REQUEST", domain.Text{ZH: "变更操作须使用 POST", EN: "mutations must use POST"})
		return
	}
	if authFields(doc, op) > 1 {
		fail(http.StatusBadRequest, "BAD_USER_INPUT", domain.Text{
			ZH: "一次请求只能包含一个注册、登录或密码操作",
			EN: "a request may hold one register, login or password mutation at most"})
		return
	}
	if st := measure(doc, req.Variables); st.depth > maxDepth || st.fields > maxFields || st.aliases > maxAliases || st.cost > maxCost ||
		st.directives > maxDirectives || st.variables > maxVariables {
		fail(http.StatusBadRequest, "BAD_USER_INPUT", errTooComplex)
		return
	}
	if v := graphql.ValidateDocument(&h.schema, doc, nil); !v.IsValid {
		h.writeDocErrors(ctx, w, media, v.Errors)
		return
	}
	if err := checkVariables(&h.schema, op, req.Variables); err != nil {
		h.writeDocErrors(ctx, w, media, gqlerrors.FormatErrors(err))
		return
	}

	ctx = h.authenticate(ctx, w, r)
	cookies := []*http.Cookie{}
	ctx = withReqState(ctx, &reqState{
		loaders:   newLoaders(h.svc),
		setCookie: func(c *http.Cookie) { cookies = append(cookies, c) },
		secure:    h.secureRequest(r),
		browser:   r.Header.Get("Sec-Fetch-Mode") != "",
	})
	res, busy := h.execute(ctx, graphql.ExecuteParams{
		Schema: h.schema, AST: doc, OperationName: req.OperationName, Args: req.Variables, Context: ctx,
	})
	if busy {
		w.Header().Set("Retry-After", "1")
		fail(http.StatusServiceUnavailable, "RATE_LIMITED", domain.Text{ZH: "服务器繁忙，请稍后再试", EN: "the server is busy; try again shortly"})
		return
	}
	if len(res.Errors) > 0 {
		res.Errors = presentErrors(ctx, h.log, res.Errors)
	}
	for _, c := range cookies {
		http.SetCookie(w, c)
	}
	writeJSON(w, media, http.StatusOK, res)
}

// execute runs one operation in a goroutine of its own, once a slot is
// free, with the request's deadline. graphql-go recovers panics in
// resolvers; a panic elsewhere in execution is recovered here and becomes a
// masked internal error. busy is true when no slot came free in time, or the
// operation outlived its deadline (it keeps its slot until it ends, so
// runaway operations shrink capacity instead of piling up). What no guard
// can catch is a stack overflow, which Go makes fatal: the checks before
// validation (checkFragments, measure, rawNesting) keep recursion bounded,
// and cmd/yishi lowers the maximum stack so that a runaway recursion fails
// fast and loudly instead of first eating a gigabyte.
func (h *Handler) execute(ctx context.Context, p graphql.ExecuteParams) (res *graphql.Result, busy bool) {
	wait := time.NewTimer(slotWait)
	defer wait.Stop()
	select {
	case h.slots <- struct{}{}:
	case <-wait.C:
		return nil, true
	case <-ctx.Done():
		return nil, true
	}
	ctx, cancel := context.WithTimeout(ctx, h.execTimeout)
	defer cancel() // on return: an operation past its deadline has its database calls cancelled
	p.Context = ctx
	done := make(chan *graphql.Result, 1)
	go func() {
		defer func() { <-h.slots }()
		defer func() {
			if v := recover(); v != nil {
				err := fmt.Errorf("panic in execution: %v", v)
				done <- &graphql.Result{Errors: gqlerrors.FormatErrors(err)}
			}
		}()
		done <- graphql.Execute(p)
	}()
	select {
	case res = <-done:
		return res, false
	case <-ctx.Done():
		select {
		case res = <-done: // finished at the deadline
			return res, false
		default:
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			h.log.WarnContext(ctx, "execution outlived its deadline", "request_id", RequestID(ctx), "timeout", h.execTimeout.String())
		}
		return nil, true
	}
}

// writeDocErrors answers a document that does not parse or validate.
func (h *Handler) writeDocErrors(ctx context.Context, w http.ResponseWriter, media string, errs []gqlerrors.FormattedError) {
	status := http.StatusOK // application/json: the request itself was well-formed
	if media == mediaGraphQLResponse {
		status = http.StatusBadRequest
	}
	writeJSON(w, media, status, errorsOnly{Errors: presentErrors(ctx, h.log, errs)})
}

// jsonObjectOrNull reports whether raw is absent, null or a JSON object.
func jsonObjectOrNull(raw json.RawMessage) bool {
	if len(raw) == 0 || string(raw) == "null" {
		return true
	}
	var obj map[string]any
	return json.Unmarshal(raw, &obj) == nil
}

// authenticate puts the acting user in the context: the bearer token if
// there is one, else the session cookie. A bad or expired token leaves the
// request anonymous, and an expired cookie is cleared.
func (h *Handler) authenticate(ctx context.Context, w http.ResponseWriter, r *http.Request) context.Context {
	actor := domain.Actor{IP: h.clientIP(r), UserAgent: r.UserAgent()}
	ctx = domain.NewContextWithActor(ctx, actor)
	token, fromCookie := "", false
	if auth := r.Header.Get("Authorization"); auth != "" {
		if t, ok := strings.CutPrefix(auth, "Bearer "); ok {
			token = strings.TrimSpace(t)
		}
	} else if c, err := r.Cookie(SessionCookie); err == nil {
		token, fromCookie = c.Value, true
	}
	if token == "" {
		return ctx
	}
	a, err := h.svc.Accounts.Authenticate(ctx, token)
	if err != nil {
		if domain.ErrorCode(err) != domain.Unauthenticated && !errors.Is(err, context.Canceled) {
			h.log.ErrorContext(ctx, "authenticate", "request_id", RequestID(ctx), "err", err)
		} else if fromCookie {
			http.SetCookie(w, &http.Cookie{Name: SessionCookie, Path: "/", MaxAge: -1, HttpOnly: true, Secure: h.secureRequest(r), SameSite: http.SameSiteLaxMode})
		}
		return ctx
	}
	return domain.NewContextWithActor(ctx, a)
}

// clientIP is the address the request came from: the peer's, or behind
// trusted proxies the last address before them in X-Forwarded-For (or, without
// it, Forwarded).
func (h *Handler) clientIP(r *http.Request) string {
	peer, ok := h.fromTrustedProxy(r)
	if !ok {
		return peer
	}
	hops := forwardedFor(r)
	for i := len(hops) - 1; i >= 0; i-- {
		addr, err := netip.ParseAddr(hops[i])
		if err != nil {
			return peer // a hop we cannot read: trust nothing before it
		}
		if !h.isTrusted(addr) {
			return addr.Unmap().String()
		}
	}
	return peer
}

// secureRequest reports whether the session cookie must be Secure: the site
// is https, or the request came over TLS, to us or to a trusted proxy that
// says so.
func (h *Handler) secureRequest(r *http.Request) bool {
	if h.secure || r.TLS != nil {
		return true
	}
	if _, ok := h.fromTrustedProxy(r); !ok {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https") {
		return true
	}
	return forwardedParam(r.Header.Get("Forwarded"), "proto") == "https"
}

// fromTrustedProxy returns the peer's address and whether it is a trusted
// proxy.
func (h *Handler) fromTrustedProxy(r *http.Request) (string, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host, false
	}
	return addr.Unmap().String(), h.isTrusted(addr)
}

func (h *Handler) isTrusted(addr netip.Addr) bool {
	addr = addr.Unmap()
	for _, p := range h.trusted {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// forwardedFor lists the client addresses a proxy chain recorded, oldest
// first: X-Forwarded-For, or the for= parameters of Forwarded.
func forwardedFor(r *http.Request) []string {
	var hops []string
	if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
		for _, v := range xff {
			for _, hop := range strings.Split(v, ",") {
				hops = append(hops, strings.TrimSpace(hop))
			}
		}
		return hops
	}
	for _, v := range r.Header.Values("Forwarded") {
		for _, elem := range strings.Split(v, ",") {
			if f := forwardedParam(elem, "for"); f != "" {
				hops = append(hops, f)
			}
		}
	}
	return hops
}

// forwardedParam reads one parameter of a Forwarded element (RFC 7239),
// unquoted, without brackets or port.
func forwardedParam(elem, name string) string {
	for _, pair := range strings.Split(elem, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok || !strings.EqualFold(k, name) {
			continue
		}
		v = strings.Trim(v, `"`)
		if name == "for" {
			if strings.HasPrefix(v, "[") {
				v = strings.TrimPrefix(v[:max(strings.Index(v, "]"), 1)], "[")
			} else if host, _, err := net.SplitHostPort(v); err == nil {
				v = host
			}
		}
		return strings.ToLower(v)
	}
	return ""
}

func findOperation(doc *ast.Document, name string) *ast.OperationDefinition {
	var found *ast.OperationDefinition
	n := 0
	for _, d := range doc.Definitions {
		op, ok := d.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		n++
		if name == "" || (op.Name != nil && op.Name.Value == name) {
			found = op
		}
	}
	if name == "" && n != 1 {
		return nil
	}
	return found
}

// responseMedia picks the response type from the Accept header: the
// GraphQL response type when it is named, else JSON; ok is false when the
// header names neither, nor a wildcard that covers them.
func responseMedia(accept string) (media string, ok bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	canJSON := false
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil || params["q"] == "0" || params["q"] == "0.0" || params["q"] == "0.000" {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse, true
		case mediaJSON, "application/*", "*/*":
			canJSON = true
		}
	}
	return mediaJSON, canJSON
}

func writeJSON(w http.ResponseWriter, media string, status int, v any) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

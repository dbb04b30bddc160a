// Package sendgridtest is a fake SendGrid for tests and benchmarks: a local
// HTTP server that speaks the v3 mail send API, checks each request's JSON
// and records it, and can be told to answer 429, 500, 400 or to hang.
package sendgridtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Request is a recorded, valid mail send request.
type Request struct {
	Personalizations []Personalization `json:"personalizations"`
	From             struct {
		Email string `json:"email"`
		Name  string `json:"name"`
	} `json:"from"`
	Subject    string                         `json:"subject"`
	Content    []struct{ Type, Value string } `json:"content"`
	CustomArgs map[string]string              `json:"custom_args"`
}

// Personalization is one recipient block.
type Personalization struct {
	To            []struct{ Email, Name string } `json:"to"`
	CustomArgs    map[string]string              `json:"custom_args"`
	Substitutions map[string]string              `json:"substitutions"`
	Headers       map[string]string              `json:"headers"`
}

// Reply is how the server answers the next request.
type Reply struct {
	Status int
	// ResetIn sets X-RateLimit-Reset that far in the future (for 429).
	ResetIn time.Duration
	// Hang holds the request until the client gives up or Close.
	Hang bool
}

// Server is the fake.
type Server struct {
	*httptest.Server
	APIKey string

	mu       sync.Mutex
	replies  []Reply // answered in order; then 202
	requests []Request
	invalid  []string
	hangDone chan struct{}
	seq      int
}

// New starts a fake SendGrid that accepts the API key "test-key".
func New() *Server {
	s := &Server{APIKey: "test-key", hangDone: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Close releases hanging requests and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.hangDone:
	default:
		close(s.hangDone)
	}
	s.mu.Unlock()
	s.Server.Close()
}

// Queue sets how the next requests are answered.
func (s *Server) Queue(r ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replies = append(s.replies, r...)
}

// Requests returns the valid requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Invalid returns why malformed requests were refused.
func (s *Server) Invalid() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.invalid...)
}

// Recipients returns every recipient address of the valid requests, in
// order, once per personalization.
func (s *Server) Recipients() []string {
	var out []string
	for _, r := range s.Requests() {
		for _, p := range r.Personalizations {
			for _, to := range p.To {
				out = append(out, to.Email)
			}
		}
	}
	return out
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v3/mail/send" {
		http.Error(w, `{"errors":[{"message":"not found"}]}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+s.APIKey {
		http.Error(w, `{"errors":[{"message":"unauthorized"}]}`, http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(r.Body)
	var req Request
	if err := json.Unmarshal(body, &req); err != nil {
		s.refuse(w, "body is not JSON: "+err.Error())
		return
	}
	if why := check(req); why != "" {
		s.refuse(w, why)
		return
	}
	s.mu.Lock()
	reply := Reply{Status: http.StatusAccepted}
	if len(s.replies) > 0 {
		reply, s.replies = s.replies[0], s.replies[1:]
	}
	if reply.Status == 0 {
		reply.Status = http.StatusAccepted
	}
	if reply.Status == http.StatusAccepted && !reply.Hang {
		s.requests = append(s.requests, req)
	}
	s.seq++
	id := fmt.Sprintf("fake-msg-%d", s.seq)
	hang := s.hangDone
	s.mu.Unlock()
	if reply.Hang {
		select {
		case <-r.Context().Done():
		case <-hang:
		}
		return
	}
	if reply.ResetIn > 0 {
		w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(reply.ResetIn).Unix(), 10))
	}
	if reply.Status == http.StatusAccepted {
		w.Header().Set("X-Message-Id", id)
	}
	w.WriteHeader(reply.Status)
	if reply.Status != http.StatusAccepted {
		fmt.Fprintf(w, `{"errors":[{"message":"fake status %d"}]}`, reply.Status)
	}
}

func (s *Server) refuse(w http.ResponseWriter, why string) {
	s.mu.Lock()
	s.invalid = append(s.invalid, why)
	s.mu.Unlock()
	w.WriteHeader(http.StatusBadRequest)
	fmt.Fprintf(w, `{"errors":[{"message":%q}]}`, why)
}

// check applies the v3 API's rules that matter to us.
func check(r Request) string {
	switch {
	case len(r.Personalizations) == 0 || len(r.Personalizations) > 1000:
		return fmt.Sprintf("%d personalizations: want 1 to 1000", len(r.Personalizations))
	case !strings.Contains(r.From.Email, "@"):
		return "from.email missing"
	case strings.TrimSpace(r.Subject) == "":
		return "subject missing"
	case len(r.Content) == 0 || r.Content[0].Type != "text/plain":
		return "content must start with text/plain"
	}
	hasHTML := false
	for _, c := range r.Content {
		if c.Type == "text/html" {
			hasHTML = true
		}
		if c.Value == "" {
			return "empty content value"
		}
	}
	if !hasHTML {
		return "no text/html content"
	}
	for _, p := range r.Personalizations {
		if len(p.To) == 0 || !strings.Contains(p.To[0].Email, "@") {
			return "personalization without a to address"
		}
	}
	return ""
}

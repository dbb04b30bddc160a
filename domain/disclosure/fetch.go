package disclosure

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"syscall"
	"time"

	"github.com/yishi-app/yishi/domain"
)

// Fetcher downloads a linked file for the server to check. WebFetcher is
// the one the server uses.
type Fetcher interface {
	// Fetch returns the body of the file at url. A file that cannot be
	// reached is an error wrapping ErrUnreachable.
	Fetch(ctx context.Context, url string) (io.ReadCloser, error)
}

// ErrUnreachable is the cause of a fetch that found no file: a refused
// address, a failed connection, a status other than 200.
var ErrUnreachable = errors.New("file unreachable")

// WebFetcher fetches files over HTTP(S) from public addresses only: a link
// to the server's own network (loopback, private, link-local addresses)
// is refused, so that a link cannot make the server read what only it can
// reach. It follows at most three redirects, each checked the same way.
type WebFetcher struct {
	// AllowPrivate lets it reach private addresses: for tests, whose file
	// servers listen on loopback.
	AllowPrivate bool
	// Timeout bounds a whole download; zero means two minutes.
	Timeout time.Duration

	once   sync.Once
	client *http.Client
}

var _ Fetcher = (*WebFetcher)(nil)

// Fetch implements Fetcher.
func (f *WebFetcher) Fetch(ctx context.Context, url string) (io.ReadCloser, error) {
	f.once.Do(f.init)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w: %w", ErrUnreachable, err)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w: %w", ErrUnreachable, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("fetch: %w: status %d", ErrUnreachable, resp.StatusCode)
	}
	return resp.Body, nil
}

func (f *WebFetcher) init() {
	timeout := f.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !f.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		DialContext:           dialer.DialContext,
		DisableCompression:    true, // the bytes as served are what was hashed, not a gunzipped form
		Proxy:                 nil,  // no proxy: the address checked is the address reached
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
	}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 3 {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "https" && req.URL.Scheme != "http" {
				return errors.New("redirect to a scheme other than http(s)")
			}
			return nil
		},
	}
}

// refusePrivate is a dialer's check, run on the address each connection is
// about to reach, after name resolution: only public unicast addresses
// pass.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || !publicIP(ip) {
		return fmt.Errorf("address %s is not public", host)
	}
	return nil
}

// publicIP reports whether ip is a public unicast address: none of the
// special-purpose ranges (RFC 6890 and its successors), and no IPv6 form
// that carries an IPv4 address inside (NAT64, 6to4, Teredo), which could
// reach a private one.
func publicIP(ip net.IP) bool {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return false
	}
	a = a.Unmap()
	if !a.IsGlobalUnicast() || a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() {
		return false
	}
	for _, p := range specialRanges {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// specialRanges are address ranges that are not the public internet.
var specialRanges = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
		"64:ff9b::/96", "64:ff9b:1::/48", "2001::/32", "2001:db8::/32", "2002::/16", "100::/64", "fc00::/7",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// Bounds of the server's checks of attachments.
const (
	// MaxServerCheckSize is the largest file the server downloads to check;
	// a larger one is checked by downloading it.
	MaxServerCheckSize = 100 << 20 // 100 MiB
	// serverChecksAtOnce is how many files the server downloads at once.
	serverChecksAtOnce = 4
	// serverCheckKept is how long a check's result answers the same
	// question again, so that many residents checking one file cost one
	// download.
	serverCheckKept = 10 * time.Minute
)

// ServerCheck is what the server found when it fetched an attachment.
type ServerCheck struct {
	AttachmentCheck
	Reachable bool // the link gave a file
	CheckedAt time.Time
}

// serverChecks holds the recent results and bounds the downloads under way.
type serverChecks struct {
	mu      sync.Mutex
	results map[string]ServerCheck
	slots   chan struct{}
}

func newServerChecks() *serverChecks {
	return &serverChecks{results: map[string]ServerCheck{}, slots: make(chan struct{}, serverChecksAtOnce)}
}

func (c *serverChecks) recent(key string, now time.Time) (ServerCheck, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.results[key]
	return r, ok && now.Sub(r.CheckedAt) < serverCheckKept
}

func (c *serverChecks) keep(key string, r ServerCheck) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.results) >= 1000 {
		for k, old := range c.results {
			if r.CheckedAt.Sub(old.CheckedAt) >= serverCheckKept {
				delete(c.results, k)
			}
		}
	}
	if len(c.results) < 1000 {
		c.results[key] = r
	}
}

// CheckAttachmentOnServer has the server download the index'th attachment
// of a published version and compare it with the SHA-256 and size
// recorded: for files on other sites, which a resident's browser may not
// read. Anyone may ask, logged out too. A result answers the same question
// for ten minutes. Errors: NotFound (the version, also a draft), Conflict
// (ErrNotPublished, for its editors), Invalid (index; a file over 100 MiB),
// RateLimited (four downloads under way), Forbidden (a server that does
// not check).
func (s *Service) CheckAttachmentOnServer(ctx context.Context, versionID domain.ID, index int) (ServerCheck, error) {
	v, err := s.publishedVersion(ctx, versionID)
	if err != nil {
		return ServerCheck{}, err
	}
	if index < 0 || index >= len(v.Content.Attachments) {
		return ServerCheck{}, domain.InvalidField("index", "没有这个附件", "no such attachment")
	}
	a := v.Content.Attachments[index]
	if a.Size > MaxServerCheckSize {
		return ServerCheck{}, domain.InvalidField("index", "文件超过 100 MB，请下载后自行核对 SHA-256", "the file is over 100 MiB: download it and compare its SHA-256")
	}
	if s.fetcher == nil {
		return ServerCheck{}, domain.Errorf(domain.Forbidden, "本服务器不代为核验附件", "this server does not check attachments")
	}
	key := fmt.Sprintf("%s/%d", versionID, index)
	if r, ok := s.serverChecks.recent(key, s.now()); ok {
		return r, nil
	}
	select {
	case s.serverChecks.slots <- struct{}{}:
		defer func() { <-s.serverChecks.slots }()
	default:
		return ServerCheck{}, domain.Errorf(domain.RateLimited, "正在核验的文件较多，请稍后再试", "many files are being checked: try again shortly")
	}
	r, err := s.fetchAndCheck(ctx, a)
	if err != nil {
		return ServerCheck{}, err
	}
	if ctx.Err() == nil { // a request given up says nothing about the file
		s.serverChecks.keep(key, r)
	}
	return r, nil
}

func (s *Service) fetchAndCheck(ctx context.Context, a Attachment) (ServerCheck, error) {
	body, err := s.fetcher.Fetch(ctx, a.URL)
	if errors.Is(err, ErrUnreachable) {
		s.log.InfoContext(ctx, "attachment unreachable", "err", err)
		return ServerCheck{CheckedAt: s.now()}, nil
	}
	if err != nil {
		return ServerCheck{}, fmt.Errorf("check attachment: %w", err)
	}
	defer body.Close()
	c, err := CheckAttachment(a, body)
	if err != nil {
		// The connection broke while the file came: it was not read whole.
		s.log.InfoContext(ctx, "attachment read failed", "err", err)
		return ServerCheck{CheckedAt: s.now()}, nil
	}
	return ServerCheck{AttachmentCheck: c, Reachable: true, CheckedAt: s.now()}, nil
}

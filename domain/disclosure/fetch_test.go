package disclosure_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

// fileServer serves files by path, counting the downloads; "/moved"
// redirects to "/minutes.pdf".
func fileServer(t *testing.T, files map[string]string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/minutes.pdf", http.StatusFound)
			return
		}
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestCheckAttachmentOnServer(t *testing.T) {
	v := newVillage(t)
	minutes := "2026年第三季度村务会议记录"
	srv, hits := fileServer(t, map[string]string{"/minutes.pdf": minutes, "/photo.jpg": "a photo, since replaced"})
	attach := []disclosure.Attachment{
		{URL: srv.URL + "/minutes.pdf", Name: "会议记录", SHA256: sha(minutes), Size: int64(len(minutes))},
		{URL: srv.URL + "/photo.jpg", Name: "现场照片", SHA256: sha("the photo published"), Size: 19},
		{URL: srv.URL + "/gone.pdf", Name: "已删除", SHA256: sha("gone"), Size: 4},
		{URL: srv.URL + "/moved", Name: "搬走的会议记录", SHA256: sha(minutes), Size: int64(len(minutes))},
		{URL: srv.URL + "/huge.zip", Name: "全年凭证", SHA256: sha("huge"), Size: disclosure.MaxServerCheckSize + 1},
	}
	draft := must(v.svc.CreateDraft(as(v.committee), disclosure.DraftInput{CommunityID: v.c.ID, Kind: disclosure.KindVillage, Period: "2026-Q3",
		Content: disclosure.DraftContent{Title: "村务", Body: "见附件", Attachments: attach}}))
	svc := disclosure.NewService(v.db.Database, v.comms, disclosure.Config{Fetcher: &disclosure.WebFetcher{AllowPrivate: true}, Now: v.clock.Now})

	// A draft is not checked for anyone but its editors, and not for them either.
	if _, err := svc.CheckAttachmentOnServer(context.Background(), draft.ID, 0); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("draft, logged out: %v, want NotFound", err)
	}
	if _, err := svc.CheckAttachmentOnServer(as(v.committee), draft.ID, 0); !errors.Is(err, disclosure.ErrNotPublished) {
		t.Errorf("draft, editor: %v, want ErrNotPublished", err)
	}
	must(v.svc.Publish(as(v.committee), draft.ID))

	tests := []struct {
		name           string
		index          int
		reachable, ok  bool
		code           domain.Code
		wantDownloaded bool
	}{
		{"OKSame", 0, true, true, "", true},
		{"ErrChanged", 1, true, false, "", true},
		{"ErrGone", 2, false, false, "", true},
		{"OKRedirected", 3, true, true, "", true},
		{"ErrTooLarge", 4, false, false, domain.Invalid, false},
		{"ErrNoSuchIndex", 5, false, false, domain.Invalid, false},
		{"ErrNegativeIndex", -1, false, false, domain.Invalid, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hits.Load()
			got, err := svc.CheckAttachmentOnServer(context.Background(), draft.ID, tt.index)
			if tt.code != "" {
				if domain.ErrorCode(err) != tt.code {
					t.Fatalf("err = %v, want %s", err, tt.code)
				}
			} else if err != nil || got.Reachable != tt.reachable || got.Matches != tt.ok {
				t.Fatalf("check = %+v, %v; want reachable=%v matches=%v", got, err, tt.reachable, tt.ok)
			}
			if downloaded := hits.Load() > before; downloaded != tt.wantDownloaded {
				t.Errorf("downloaded = %v, want %v", downloaded, tt.wantDownloaded)
			}
		})
	}

	// The same question within ten minutes is answered without a download.
	before := hits.Load()
	if got := must(svc.CheckAttachmentOnServer(context.Background(), draft.ID, 0)); !got.Matches || hits.Load() != before {
		t.Errorf("asked again: %+v, %d downloads", got, hits.Load()-before)
	}
	v.clock.Add(11 * 60e9)
	if must(svc.CheckAttachmentOnServer(context.Background(), draft.ID, 0)); hits.Load() != before+1 {
		t.Errorf("asked after 11 minutes: %d downloads, want 1", hits.Load()-before)
	}

	// A server without a fetcher says it does not check.
	if _, err := v.svc.CheckAttachmentOnServer(context.Background(), draft.ID, 0); domain.ErrorCode(err) != domain.Forbidden {
		t.Errorf("no fetcher: %v, want Forbidden", err)
	}
}

// TestWebFetcherRefusesPrivateAddresses shows the server's fetcher will not
// read its own network: loopback (the test's file server), a private
// address, link-local metadata, or a redirect from elsewhere.
func TestWebFetcherRefusesPrivateAddresses(t *testing.T) {
	srv, hits := fileServer(t, map[string]string{"/minutes.pdf": "secret"})
	f := &disclosure.WebFetcher{}
	for _, url := range []string{
		srv.URL + "/minutes.pdf",
		strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/minutes.pdf",
		"http://10.0.0.1/minutes.pdf",
		"http://169.254.169.254/latest/meta-data/",
		"http://[::1]:1/x",
		"http://[64:ff9b::7f00:1]:1/x", // NAT64 of 127.0.0.1
		"http://198.18.0.1/x",
		"ftp://files.example/minutes.pdf",
		"not a url",
	} {
		body, err := f.Fetch(context.Background(), url)
		if err == nil {
			body.Close()
			t.Errorf("Fetch(%s) succeeded", url)
		} else if !errors.Is(err, disclosure.ErrUnreachable) {
			t.Errorf("Fetch(%s) = %v, want ErrUnreachable", url, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the private file server was reached %d times", hits.Load())
	}
	// The same fetcher allowed private addresses reads it.
	body, err := (&disclosure.WebFetcher{AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/minutes.pdf")
	if err != nil {
		t.Fatal(err)
	}
	body.Close()
}

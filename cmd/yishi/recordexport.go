package main

import (
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/ledger"
)

// recordFile is /record/<the community's 12-digit address code>.jsonl.
var recordFile = regexp.MustCompile(`^([0-9]{12})\.jsonl$`)

// recordExportHandler serves GET /record/<code>.jsonl: a community's whole public
// record (公信链), its entries then its signed heads, for anyone, logged in
// or not, to check offline with `yishi record verify`.
func recordExportHandler(comms *community.Service, record *ledger.Service, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := recordFile.FindStringSubmatch(r.PathValue("file"))
		if m == nil {
			http.Error(w, "usage: /record/<12-digit community code>.jsonl", http.StatusNotFound)
			return
		}
		c, err := comms.CommunityByCode(r.Context(), m[1])
		if err != nil {
			if domain.ErrorCode(err) == domain.NotFound {
				http.Error(w, "no community has the code "+m[1], http.StatusNotFound)
				return
			}
			log.ErrorContext(r.Context(), "record export", "code", m[1], "err", err)
			http.Error(w, "the record cannot be read now", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+strings.ReplaceAll(m[0], `"`, "")+`"`)
		w.Header().Set("Cache-Control", "no-cache")
		if err := record.Export(r.Context(), w, c.ID); err != nil {
			// Headers are out; the cut-short file fails verification.
			log.ErrorContext(r.Context(), "record export", "community", c.ID, "err", err)
		}
	})
}

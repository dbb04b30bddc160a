package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/sheet"
)

// exportFile is <year or period>.<xlsx or csv>: 2026, 2026-10 or 2026-Q4.
var exportFile = regexp.MustCompile(`^([0-9]{4})(-[0-9]{2}|-Q[1-4])?\.(xlsx|csv)$`)

// disclosureExportHandler serves a community's published finance and
// question logs as spreadsheets that open in Excel and WPS, for anyone:
//
//	GET /exports/<community code>/finance/<2026|2026-10|2026-Q4>.<xlsx|csv>
//	GET /exports/<community code>/questions/<2026|…>.<xlsx|csv>
//
// The XLSX of finance has two sheets (the periods' balances, the line
// items); its CSV, one file, holds the line items. ?lang=en gives English
// titles.
func disclosureExportHandler(comms *community.Service, disclosures *disclosure.Service, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		what, file := r.PathValue("what"), r.PathValue("file")
		m := exportFile.FindStringSubmatch(file)
		if m == nil || (what != "finance" && what != "questions") {
			http.Error(w, "usage: /exports/<code>/<finance|questions>/<2026|2026-10|2026-Q4>.<xlsx|csv>", http.StatusNotFound)
			return
		}
		c, err := comms.CommunityByCode(r.Context(), r.PathValue("code"))
		if err != nil {
			exportError(w, r, log, err)
			return
		}
		scope := disclosure.ExportScope{CommunityID: c.ID}
		if m[2] == "" {
			scope.Year, _ = strconv.Atoi(m[1])
		} else {
			p, err := disclosure.ParsePeriod(m[1] + m[2])
			if err != nil {
				http.Error(w, "no such period: "+m[1]+m[2], http.StatusNotFound)
				return
			}
			scope.Period = &p
		}
		lang := domain.Chinese
		if r.URL.Query().Get("lang") == "en" {
			lang = domain.English
		}
		var sheets []sheet.Sheet
		if what == "finance" {
			sheets, err = disclosures.FinanceSheets(r.Context(), scope, lang)
		} else {
			var q sheet.Sheet
			q, err = disclosures.QuestionSheet(r.Context(), scope, lang)
			sheets = []sheet.Sheet{q}
		}
		if err != nil {
			exportError(w, r, log, err)
			return
		}
		name := fmt.Sprintf("%s-%s-%s", c.Code, what, strings.TrimSuffix(file, "."+m[3]))
		if m[3] == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
			err = sheet.WriteCSV(w, sheets[len(sheets)-1]) // finance: the line items
		} else {
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
			err = sheet.WriteXLSX(w, sheets...)
		}
		if err != nil {
			log.ErrorContext(r.Context(), "disclosure export", "community", c.ID, "file", file, "err", err)
		}
	})
}

// exportError answers an export that cannot be made: 404 for a community
// or period that does not exist, 400 for a bad scope, 503 otherwise.
func exportError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	switch domain.ErrorCode(err) {
	case domain.NotFound:
		http.Error(w, "not found", http.StatusNotFound)
	case domain.Invalid:
		http.Error(w, err.Error(), http.StatusBadRequest)
	default:
		log.ErrorContext(r.Context(), "disclosure export", "err", err)
		http.Error(w, "the export cannot be made now", http.StatusServiceUnavailable)
	}
}

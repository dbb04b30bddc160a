package disclosure_test

import (
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/disclosure"
)

func TestPostings(t *testing.T) {
	v := newVillage(t)
	oct := v.october(t)
	today := disclosure.DateOf(v.clock.Now(), v.c.Location())
	in := disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: today, Method: disclosure.OnBoard, PhotoURL: "https://files.example/board.jpg"}
	p := must(v.svc.RecordPosting(as(v.worker), in))
	if p.GridID != v.grid1.ID || p.ActorID != v.worker || p.DisclosureID != oct.DisclosureID || p.Date != today {
		t.Errorf("posting = %+v", p)
	}
	// Recording it again is the same record.
	again := must(v.svc.RecordPosting(as(v.committee), in))
	if again.ID != p.ID || again.ActorID != v.worker {
		t.Errorf("again = %+v, want the first record", again)
	}
	door := in
	door.Method, door.PhotoURL = disclosure.DoorToDoor, ""
	must(v.svc.RecordPosting(as(v.worker), door))
	// A grid worker posts in their own grids only; the committee anywhere.
	other := in
	other.MicroGridID = v.micro2.ID
	_, err := v.svc.RecordPosting(as(v.worker), other)
	wantCode(t, err, domain.Forbidden)
	must(v.svc.RecordPosting(as(v.committee), other))
	bad := []struct {
		name  string
		in    disclosure.PostingInput
		field string
	}{
		{"ErrTomorrow", disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: today.AddDays(1), Method: disclosure.OnBoard}, "date"},
		{"ErrBeforePublished", disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: today.AddDays(-1), Method: disclosure.OnBoard}, "date"},
		{"ErrMethod", disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: today, Method: "radio"}, "method"},
		{"ErrPhoto", disclosure.PostingInput{VersionID: oct.ID, MicroGridID: v.micro1.ID, Date: today, Method: disclosure.OnBoard, PhotoURL: "file:///etc/passwd"}, "photoUrl"},
		{"ErrMicroGrid", disclosure.PostingInput{VersionID: oct.ID, MicroGridID: domain.NewID(), Date: today, Method: disclosure.OnBoard}, "microGridId"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := v.svc.RecordPosting(as(v.worker), tt.in)
			wantField(t, err, tt.field)
		})
	}
	draft := v.financeDraft(t, "2026-11", 0)
	_, err = v.svc.RecordPosting(as(v.worker), disclosure.PostingInput{VersionID: draft.ID, MicroGridID: v.micro1.ID, Date: today, Method: disclosure.OnBoard})
	wantCode(t, err, domain.NotFound)
	log := must(v.svc.Postings(as(v.residents[0]), oct.DisclosureID))
	if len(log) != 3 {
		t.Errorf("%d postings, want 3", len(log))
	}
	_, err = v.svc.Postings(anonymous, oct.DisclosureID)
	wantCode(t, err, domain.Unauthenticated)
	// Reads are counted per version, by anyone.
	must(v.svc.CountRead(anonymous, oct.ID))
	if n := must(v.svc.CountRead(as(v.residents[0]), oct.ID)); n != 2 {
		t.Errorf("reads = %d", n)
	}
	_, err = v.svc.CountRead(anonymous, draft.ID)
	wantCode(t, err, domain.NotFound)
	counts := must(v.svc.ReadCounts(anonymous, []domain.ID{oct.ID, draft.ID}))
	if len(counts) != 1 || counts[oct.ID] != 2 {
		t.Errorf("counts = %v", counts)
	}
}

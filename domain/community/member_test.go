package community_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// directory adds named residents to village A of w, in its two
// micro-grids, and a namesake in village B; it returns the names' user IDs.
func directory(tb testing.TB, w *world) (micro2 community.MicroGrid, ids map[string]domain.ID) {
	tb.Helper()
	micro2 = must(w.svc.CreateMicroGrid(w.a.admin, w.a.grid2.ID, community.GridInput{Name: "二组", Code: "G2-1"}))
	ids = map[string]domain.ID{}
	for _, r := range []struct {
		name  string
		micro community.MicroGrid
	}{
		{"沈阿婆", w.a.micro1}, {"沈建国", w.a.micro1}, {"Anna Shen", w.a.micro1},
		{"李沈", micro2}, {"王芳", micro2},
	} {
		m := must(w.svc.RegisterAssistedResident(w.a.admin, community.AssistedResidentInput{CommunityID: w.a.c.ID, MicroGridID: r.micro.ID, Name: r.name}))
		ids[r.name] = m.UserID
	}
	must(w.svc.RegisterAssistedResident(w.b.admin, community.AssistedResidentInput{CommunityID: w.b.c.ID, MicroGridID: w.b.micro1.ID, Name: "沈阿公"}))
	// A grid worker in each micro-grid, for the role filter.
	for _, name := range []string{"沈建国", "李沈"} {
		must(w.svc.AssignRole(w.a.admin, community.RoleInput{CommunityID: w.a.c.ID, UserID: ids[name], Role: domain.RoleGridWorker, GridID: w.a.grid1.ID}))
	}
	return micro2, ids
}

func TestMembersFilter(t *testing.T) {
	w := newWorld(t)
	micro2, ids := directory(t, w)
	gridWorker := domain.RoleGridWorker
	tests := []struct {
		name   string
		filter community.MemberFilter
		want   []string
	}{
		{"SearchPartOfName", community.MemberFilter{Search: "沈"}, []string{"沈阿婆", "沈建国", "李沈"}},
		{"SearchTrimmed", community.MemberFilter{Search: "  阿婆 "}, []string{"沈阿婆"}},
		{"SearchLatinAnyCase", community.MemberFilter{Search: "sHEN"}, []string{"Anna Shen"}},
		{"SearchNoMatch", community.MemberFilter{Search: "赵"}, nil},
		{"MicroGrid", community.MemberFilter{MicroGridID: &micro2.ID}, []string{"李沈", "王芳"}},
		{"RoleAndMicroGrid", community.MemberFilter{Role: &gridWorker, MicroGridID: &w.a.micro1.ID}, []string{"沈建国"}},
		{"SearchAndMicroGrid", community.MemberFilter{Search: "沈", MicroGridID: &micro2.ID}, []string{"李沈"}},
		{"SearchAndRole", community.MemberFilter{Search: "沈", Role: &gridWorker}, []string{"沈建国", "李沈"}},
		{"OtherVillagesMicroGrid", community.MemberFilter{MicroGridID: &w.b.micro1.ID}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := w.svc.Members(w.a.committee, w.a.c.ID, tt.filter, domain.Page{First: domain.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			var got, want []domain.ID
			for _, m := range l.Items {
				got = append(got, m.UserID)
			}
			for _, name := range tt.want {
				want = append(want, ids[name])
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("members = %v, want %v (%v)", got, want, tt.want)
			}
			if l.TotalCount != len(tt.want) || l.HasNextPage {
				t.Errorf("totalCount = %d, hasNextPage = %t, want %d, false", l.TotalCount, l.HasNextPage, len(tt.want))
			}
		})
	}
}

func TestMembersFilterErrors(t *testing.T) {
	w := newWorld(t)
	page := domain.Page{First: 10}
	t.Run("ErrSearchTooLong", func(t *testing.T) {
		_, err := w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{Search: strings.Repeat("沈", community.MaxMemberSearch+1)}, page)
		var e *domain.Error
		if !errors.As(err, &e) || e.Code != domain.Invalid || e.Field != "search" {
			t.Errorf("error = %v, want invalid search", err)
		}
		// The longest search, and spaces around it, are fine.
		_, err = w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{Search: " " + strings.Repeat("沈", community.MaxMemberSearch) + " "}, page)
		if err != nil {
			t.Errorf("longest search: %v", err)
		}
	})
	t.Run("ErrNotStaff", func(t *testing.T) {
		_, err := w.svc.Members(w.a.resident, w.a.c.ID, community.MemberFilter{Search: "居民"}, page)
		wantCode(t, err, domain.Forbidden)
	})
	t.Run("ErrPage", func(t *testing.T) {
		_, err := w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{Search: "居民"}, domain.Page{First: 0})
		wantCode(t, err, domain.Invalid)
	})
}

// TestMembersSearchPaging walks a searched list page by page: every page
// counts the whole filtered list, and the pages hold each match once, in ID
// order.
func TestMembersSearchPaging(t *testing.T) {
	w := newWorld(t)
	_, ids := directory(t, w)
	want := []domain.ID{ids["沈阿婆"], ids["沈建国"], ids["李沈"]}
	for i := range want {
		want[i] = community.MemberID(w.a.c.ID, want[i])
	}
	slices.Sort(want)
	var got []domain.ID
	page := domain.Page{First: 2}
	for n := 1; ; n++ {
		l := must(w.svc.Members(w.a.committee, w.a.c.ID, community.MemberFilter{Search: "沈"}, page))
		if l.TotalCount != len(want) {
			t.Errorf("page %d: totalCount = %d, want %d", n, l.TotalCount, len(want))
		}
		if wantNext := n == 1; l.HasNextPage != wantNext {
			t.Errorf("page %d: hasNextPage = %t, want %t", n, l.HasNextPage, wantNext)
		}
		for _, m := range l.Items {
			got = append(got, m.ID())
		}
		if !l.HasNextPage || n > 3 {
			break
		}
		page.After = got[len(got)-1]
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages hold %v, want %v", got, want)
	}
}

// TestMembersOf: staff read several memberships in one call, keyed by user;
// users of another community are left out; a resident may not.
func TestMembersOf(t *testing.T) {
	w := newWorld(t)
	_, ids := directory(t, w)
	outsider := must(w.svc.RegisterAssistedResident(w.b.admin, community.AssistedResidentInput{CommunityID: w.b.c.ID, MicroGridID: w.b.micro1.ID, Name: "外村人"}))
	got := must(w.svc.MembersOf(w.a.committee, w.a.c.ID, []domain.ID{ids["沈阿婆"], ids["王芳"], outsider.UserID}))
	if len(got) != 2 || !got[ids["沈阿婆"]].Assisted || got[ids["王芳"]].UserID != ids["王芳"] {
		t.Errorf("MembersOf = %+v, want 沈阿婆 and 王芳 only", got)
	}
	if _, err := w.svc.MembersOf(as(ids["王芳"]), w.a.c.ID, []domain.ID{ids["沈阿婆"]}); domain.ErrorCode(err) != domain.NotFound {
		t.Errorf("a resident reading members: %v, want NotFound", err)
	}
}

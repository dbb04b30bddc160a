package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/yishi-app/yishi/domain/community"
)

const membersSearchQ = `query($id: ID!, $search: String, $micro: ID, $role: Role, $first: Int) {
  community(id: $id) {
    members(search: $search, microGridId: $micro, role: $role, first: $first) {
      totalCount pageInfo { hasNextPage } nodes { user { name } microGrid { name } }
    }
  }
}`

// TestMembersSearch: the directory finds members by part of their name and
// narrows to a micro-grid, alone or together with a role and a search.
func TestMembersSearch(t *testing.T) {
	e := newEnv(t)
	v := e.village(t, "小古城村", "A1")
	micro2 := must(e.comms.CreateMicroGrid(v.admin, v.grid.ID, community.GridInput{Name: "二组", Code: "G1-2"}))
	for _, r := range []struct {
		name  string
		micro community.MicroGrid
	}{{"沈阿婆", v.micro}, {"沈建国", micro2}, {"Anna Shen", v.micro}, {"王芳", micro2}} {
		must(e.comms.RegisterAssistedResident(v.workerCtx, community.AssistedResidentInput{CommunityID: v.c.ID, MicroGridID: r.micro.ID, Name: r.name}))
	}
	tests := []struct {
		name string
		vars map[string]any
		want []string
	}{
		{"SearchPartOfName", map[string]any{"search": "沈"}, []string{"沈建国", "沈阿婆"}},
		{"SearchLatinAnyCase", map[string]any{"search": " shen "}, []string{"Anna Shen"}},
		{"MicroGrid", map[string]any{"micro": gid("MicroGrid", micro2.ID)}, []string{"沈建国", "王芳"}},
		{"SearchAndMicroGrid", map[string]any{"search": "沈", "micro": gid("MicroGrid", v.micro.ID)}, []string{"沈阿婆"}},
		{"RoleAndMicroGrid", map[string]any{"role": "RESIDENT", "micro": gid("MicroGrid", v.micro.ID)}, []string{"Anna Shen", "沈阿婆"}},
		{"NoMatch", map[string]any{"search": "赵"}, []string{}},
		{"OnePage", map[string]any{"search": "沈", "first": 1}, []string{"沈阿婆"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]any{"id": gid("Community", v.c.ID)}
			for k, x := range tt.vars {
				vars[k] = x
			}
			r := e.do(t, call{query: membersSearchQ, vars: vars, token: v.adminToken})
			wantOK(t, r)
			got := []string{}
			for _, n := range path(r.Data, "community", "members", "nodes").([]any) {
				got = append(got, path(n, "user", "name").(string))
			}
			if _, paged := tt.vars["first"]; paged {
				// Member IDs are random: only the page's size and counts are known.
				if len(got) != 1 || !strings.Contains(got[0], "沈") ||
					path(r.Data, "community", "members", "totalCount") != 2.0 ||
					path(r.Data, "community", "members", "pageInfo", "hasNextPage") != true {
					t.Errorf("first page = %v", r.Data)
				}
				return
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("members = %q, want %q", got, want)
			}
			if total := path(r.Data, "community", "members", "totalCount"); total != float64(len(want)) {
				t.Errorf("totalCount = %v, want %d", total, len(want))
			}
		})
	}
	t.Run("ErrSearchTooLong", func(t *testing.T) {
		r := e.do(t, call{query: membersSearchQ, vars: map[string]any{"id": gid("Community", v.c.ID), "search": strings.Repeat("沈", community.MaxMemberSearch+1)}, token: v.adminToken})
		wantCode(t, r, "BAD_USER_INPUT")
		if f := r.Errors[0].Extensions["field"]; f != "search" {
			t.Errorf("field = %v, want search", f)
		}
	})
	t.Run("ErrNotAMicroGridID", func(t *testing.T) {
		r := e.do(t, call{query: membersSearchQ, vars: map[string]any{"id": gid("Community", v.c.ID), "micro": gid("Grid", v.grid.ID)}, token: v.adminToken})
		wantCode(t, r, "NOT_FOUND")
		if f := r.Errors[0].Extensions["field"]; f != "microGridId" {
			t.Errorf("field = %v, want microGridId", f)
		}
	})
	t.Run("ErrResident", func(t *testing.T) {
		token, id := e.register(t, "resident@example.com", "沈居民")
		req := must(e.comms.RequestToJoin(as(id), community.JoinInput{CommunityID: v.c.ID, GridID: v.grid.ID}))
		must(e.comms.ApproveJoinRequest(v.admin, req.ID))
		r := e.do(t, call{query: membersSearchQ, vars: map[string]any{"id": gid("Community", v.c.ID), "search": "沈"}, token: token})
		wantCode(t, r, "FORBIDDEN")
	})
}

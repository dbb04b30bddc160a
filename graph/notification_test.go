package graph_test

import (
	"testing"
)

func TestNotificationPreferences(t *testing.T) {
	e := newEnv(t)
	token, _ := e.register(t, "prefs@example.com", "王芳")
	q := `{ viewer { notificationPreferences { off digest quietHoursEnabled quietStart quietEnd optionalKinds { kind label } } calendarUrl emailUndeliverable } }`
	r := e.do(t, call{query: q, token: token})
	wantOK(t, r)
	p := path(r.Data, "viewer", "notificationPreferences")
	if path(p, "digest") != true || path(p, "quietStart") != "21:00" || path(p, "quietEnd") != "08:00" || len(path(p, "off").([]any)) != 0 {
		t.Errorf("defaults = %v", p)
	}
	if path(p, "optionalKinds", 0, "label") == "" {
		t.Errorf("kinds without labels: %v", p)
	}
	calendar, _ := path(r.Data, "viewer", "calendarUrl").(string)
	if calendar == "" || path(r.Data, "viewer", "emailUndeliverable") != nil {
		t.Errorf("viewer = %v", r.Data)
	}
	update := `mutation($in: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $in) { preferences { off digest quietStart quietEnd } } }`
	r = e.do(t, call{query: update, token: token, vars: map[string]any{"in": map[string]any{"off": []string{"JOIN_DECIDED"}, "digest": false, "quietStart": "22:30", "quietEnd": "07:00"}}})
	wantOK(t, r)
	p = path(r.Data, "updateNotificationPreferences", "preferences")
	if path(p, "off", 0) != "JOIN_DECIDED" || path(p, "digest") != false || path(p, "quietStart") != "22:30" || path(p, "quietEnd") != "07:00" {
		t.Errorf("updated = %v", p)
	}
	for name, in := range map[string]map[string]any{
		"ErrUrgentKind": {"off": []string{"PASSWORD_RESET"}},
		"ErrBadTime":    {"quietStart": "25:99"},
	} {
		t.Run(name, func(t *testing.T) {
			r := e.do(t, call{query: update, token: token, vars: map[string]any{"in": in}})
			wantCode(t, r, "BAD_USER_INPUT")
		})
	}
	r = e.do(t, call{query: `mutation { regenerateCalendarUrl { calendarUrl } }`, token: token})
	wantOK(t, r)
	if fresh := path(r.Data, "regenerateCalendarUrl", "calendarUrl"); fresh == calendar || fresh == "" {
		t.Errorf("regenerated URL %v, old %v", fresh, calendar)
	}
	r = e.do(t, call{query: `{ viewer { notifications(first: 10) { totalCount } } }`, token: token})
	wantOK(t, r)
	r = e.do(t, call{query: `mutation { regenerateCalendarUrl { calendarUrl } }`})
	wantCode(t, r, "UNAUTHENTICATED")
}

func TestFailedNotificationsForAdmins(t *testing.T) {
	e := newEnv(t)
	a := e.village(t, "小古城村", "A1")
	b := e.village(t, "前溪村", "B1")
	q := `query($id: ID!) { community(id: $id) { failedNotifications { totalCount } } }`
	r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", a.c.ID)}, token: a.adminToken})
	wantOK(t, r)
	for _, token := range []string{a.workerToken, b.adminToken} {
		r := e.do(t, call{query: q, vars: map[string]any{"id": gid("Community", a.c.ID)}, token: token})
		wantCode(t, r, "FORBIDDEN")
	}
	r = e.do(t, call{query: `mutation($id: ID!) { retryNotification(input: {notificationId: $id}) { notification { state } } }`,
		vars: map[string]any{"id": gid("Notification", "nope")}, token: a.adminToken})
	wantCode(t, r, "NOT_FOUND")
}

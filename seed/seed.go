// Package seed loads Yishi's demo data: 小古城村 of 径山镇 (余杭区, 杭州),
// with its grids, micro-grids, committee, party secretary, grid workers,
// residents and elderly assisted residents, and 青春坊社区 of 武林街道 with
// its owners' committee and property firm for three-party meetings.
//
// Everything is created through the domain services, as the people it
// describes would do it: residents ask to join and are approved by the
// committee or their grid worker; grid workers register the residents who
// have no email. So the demo data obeys the same rules as real data.
package seed

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/account"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/deliberation"
	"github.com/yishi-app/yishi/domain/disclosure"
	"github.com/yishi-app/yishi/domain/patrol"
	"github.com/yishi-app/yishi/domain/volunteer"
)

// VillageCode is the address code of the demo village, 小古城村.
const VillageCode = "330110109201"

// DemoPassword is the password of every demo account; it exists only in demo data.
const DemoPassword = "yishi-demo-2026"

// Services are the domain services the seed works through. With Topics
// set, the village also gets its demo topics.
type Services struct {
	Accounts     *account.Service
	Communities  *community.Service
	Deliberation *deliberation.Service
	Disclosures  *disclosure.Service // may be nil: no disclosures are seeded
	Volunteers   *volunteer.Service  // may be nil: no volunteer service is seeded
	Patrols      *patrol.Service     // may be nil: no patrols are seeded
}

// Login is a demo account to show a newcomer.
type Login struct {
	Role      domain.Role // the role it demonstrates
	Email     string
	Name      string
	Community string // community name
}

// Result says what Load did.
type Result struct {
	Created bool    // false when the demo data was already there
	Logins  []Login // one demo login per role (domain.Roles)
}

// Load creates the demo data unless it is already there: when a community
// with the village's address code exists, it creates nothing and returns
// Created=false with the same Logins.
//
// Accounts are registered first, and a demo email already registered is
// logged into with DemoPassword instead, so a run that stopped half-way can
// be repeated; so are streets, communities, grids, joins and roles. The
// village is built last, since it marks the data as there.
func Load(ctx context.Context, s Services) (Result, error) {
	res := Result{Logins: logins()}
	_, err := s.Communities.CommunityByCode(ctx, VillageCode)
	switch {
	case err == nil:
		return res, nil
	case domain.ErrorCode(err) != domain.NotFound:
		return res, fmt.Errorf("find demo village: %w", err)
	}
	users := map[string]domain.ID{}
	for _, p := range places {
		for _, ps := range p.people() {
			u, err := ensureUser(ctx, s.Accounts, ps.Name, ps.Email)
			if err != nil {
				return res, err
			}
			users[ps.Email] = u.ID
		}
	}
	for _, p := range places {
		b := builder{s: s, p: p, users: users}
		if err := b.build(ctx); err != nil {
			return res, fmt.Errorf("seed %s: %w", p.Name, err)
		}
	}
	// The disclosures walk the past year and the story happens today, so
	// the village's public record holds their facts in the order of time.
	if s.Disclosures != nil {
		if err := seedDisclosures(ctx, s, users); err != nil {
			return res, fmt.Errorf("seed disclosures: %w", err)
		}
	}
	var topicIDs map[string]domain.ID
	if s.Deliberation != nil {
		if topicIDs, err = seedTopics(ctx, s, users); err != nil {
			return res, fmt.Errorf("seed topics: %w", err)
		}
		if err := seedStory(ctx, s, users, topicIDs); err != nil {
			return res, fmt.Errorf("seed the story: %w", err)
		}
	}
	// Volunteers come last: the parking resolution's action item calls
	// for hands.
	if s.Volunteers != nil {
		if err := seedVolunteers(ctx, s, users, topicIDs); err != nil {
			return res, fmt.Errorf("seed volunteers: %w", err)
		}
	}
	if s.Patrols != nil {
		if err := seedPatrols(ctx, s, users); err != nil {
			return res, fmt.Errorf("seed patrols: %w", err)
		}
	}
	res.Created = true
	return res, nil
}

// logins picks one demo account per role, from the village where it has
// one, else from the urban community.
func logins() []Login {
	var out []Login
	for _, r := range domain.Roles {
		for _, p := range []*placeSpec{&village, &urban} {
			if ps, ok := p.demo(r); ok {
				out = append(out, Login{Role: r, Email: ps.Email, Name: ps.Name, Community: p.Name})
				break
			}
		}
	}
	return out
}

// demo returns the person of p who best shows role: a plain resident for
// the resident role, the creator for admin, else the first staff member
// (or resident, such as a 和事佬) holding it.
func (p *placeSpec) demo(r domain.Role) (personSpec, bool) {
	switch r {
	case domain.RoleResident:
		if len(p.Residents) == 0 {
			return personSpec{}, false
		}
		return p.Residents[0], true
	case domain.RoleAdmin:
		return p.Admin, true
	}
	for _, ps := range append(slices.Clone(p.Staff), p.Residents...) {
		for _, x := range ps.Roles {
			if x == r {
				return ps, true
			}
		}
	}
	return personSpec{}, false
}

// people lists p's demo accounts: the admin, the staff and the residents.
func (p *placeSpec) people() []personSpec {
	out := append([]personSpec{p.Admin}, p.Staff...)
	return append(out, p.Residents...)
}

// ensureUser registers a demo account, or logs into it with DemoPassword
// when its email is already registered. Either way the session it started
// is ended: nobody holds its token.
func ensureUser(ctx context.Context, accounts *account.Service, name, email string) (account.User, error) {
	l, err := accounts.Register(domain.NewSystemContext(ctx), account.RegisterInput{Email: email, Password: DemoPassword, Name: name})
	if domain.ErrorCode(err) == domain.Conflict {
		l, err = accounts.Login(ctx, account.LoginInput{Email: email, Password: DemoPassword})
	}
	if err != nil {
		return account.User{}, fmt.Errorf("register %s: %w", email, err)
	}
	sctx := domain.NewContextWithActor(ctx, domain.Actor{UserID: l.User.ID, SessionID: l.Session.ID})
	if err := accounts.Logout(sctx); err != nil {
		return account.User{}, fmt.Errorf("end session of %s: %w", email, err)
	}
	return l.User, nil
}

// as returns ctx with user acting.
func as(ctx context.Context, user domain.ID) context.Context {
	return domain.NewContextWithActor(ctx, domain.Actor{UserID: user})
}

// builder builds one place from its spec.
type builder struct {
	s     Services
	p     *placeSpec
	users map[string]domain.ID // by email

	c      community.Community
	admin  domain.ID
	grids  []community.Grid
	micros [][]community.MicroGrid
	// workers holds the grid worker of each grid, committee the committee
	// members in order.
	workers   map[int]domain.ID
	committee []domain.ID
}

func (b *builder) build(ctx context.Context) error {
	b.admin = b.users[b.p.Admin.Email]
	actx := as(ctx, b.admin)
	// The platform opens the street and the village (the demo data is
	// the system, as an operator would be), with the admin as first admin.
	sys := domain.NewSystemContext(ctx)
	street, err := b.street(sys)
	if err != nil {
		return err
	}
	if b.c, err = b.community(sys, street); err != nil {
		return err
	}
	if err := b.orgs(actx); err != nil {
		return err
	}
	if err := b.assign(actx, b.admin, b.p.Admin); err != nil {
		return err
	}
	b.workers = map[int]domain.ID{}
	for _, ps := range append([]personSpec{b.p.Admin}, b.p.Staff...) {
		id := b.users[ps.Email]
		for _, r := range ps.Roles {
			if r == domain.RoleCommittee {
				b.committee = append(b.committee, id)
			}
		}
		for _, g := range ps.Works {
			b.workers[g] = id
		}
	}
	// Staff join first, approved by the admin, then take up their roles.
	for _, ps := range b.p.Staff {
		id := b.users[ps.Email]
		if err := b.join(ctx, id, ps, b.admin); err != nil {
			return err
		}
		if err := b.assign(actx, id, ps); err != nil {
			return err
		}
	}
	// Residents are approved by their grid's worker; every fourth by a
	// committee member, as happens at the village office.
	for i, ps := range b.p.Residents {
		approver := b.admin
		if w, ok := b.workers[ps.Grid]; ok {
			approver = w
		}
		if i%4 == 3 && len(b.committee) > 0 {
			approver = b.committee[(i/4)%len(b.committee)]
		}
		if err := b.join(ctx, b.users[ps.Email], ps, approver); err != nil {
			return err
		}
		if err := b.assign(actx, b.users[ps.Email], ps); err != nil { // a 和事佬's role, say
			return err
		}
	}
	for _, a := range b.p.Assisted {
		worker, ok := b.workers[a.Grid]
		if !ok {
			worker = b.admin
		}
		_, err := b.s.Communities.RegisterAssistedResident(as(ctx, worker), community.AssistedResidentInput{
			CommunityID: b.c.ID, MicroGridID: b.micros[a.Grid][a.Micro].ID, Name: a.Name, Phone: a.Phone,
		})
		if err != nil {
			return fmt.Errorf("register assisted resident %s: %w", a.Name, err)
		}
	}
	if b.p.Settings != nil {
		if _, err := b.s.Communities.UpdateSettings(actx, b.c.ID, *b.p.Settings); err != nil {
			return fmt.Errorf("update settings: %w", err)
		}
	}
	return nil
}

// street creates the place's street, or finds it by its code.
func (b *builder) street(ctx context.Context) (community.Street, error) {
	st, err := b.s.Communities.CreateStreet(ctx, community.StreetInput{Name: b.p.Street, Code: b.p.StreetCode})
	if errors.Is(err, community.ErrCodeTaken) {
		st, err = b.s.Communities.StreetByCode(ctx, b.p.StreetCode)
	}
	if err != nil {
		return st, fmt.Errorf("street %s: %w", b.p.Street, err)
	}
	return st, nil
}

// community creates the community, or finds it by its code.
func (b *builder) community(ctx context.Context, st community.Street) (community.Community, error) {
	c, err := b.s.Communities.CreateCommunity(ctx, community.CommunityInput{
		StreetID: st.ID, Name: b.p.Name, Kind: b.p.Kind, Code: b.p.Code, AdminID: b.admin,
	})
	if errors.Is(err, community.ErrCodeTaken) {
		c, err = b.s.Communities.CommunityByCode(ctx, b.p.Code)
	}
	if err != nil {
		return c, fmt.Errorf("community: %w", err)
	}
	return c, nil
}

// orgs creates the grids and micro-grids that are not there yet.
func (b *builder) orgs(ctx context.Context) error {
	all := domain.Page{First: domain.MaxPageSize}
	have, err := b.s.Communities.Grids(ctx, b.c.ID, all)
	if err != nil {
		return fmt.Errorf("list grids: %w", err)
	}
	grids := map[string]community.Grid{}
	for _, g := range have.Items {
		grids[g.Code] = g
	}
	for _, gs := range b.p.Grids {
		g, ok := grids[gs.Code]
		if !ok {
			if g, err = b.s.Communities.CreateGrid(ctx, b.c.ID, community.GridInput{Name: gs.Name, Code: gs.Code}); err != nil {
				return fmt.Errorf("grid %s: %w", gs.Name, err)
			}
		}
		have, err := b.s.Communities.MicroGrids(ctx, g.ID, all)
		if err != nil {
			return fmt.Errorf("list micro-grids of %s: %w", gs.Name, err)
		}
		micros := map[string]community.MicroGrid{}
		for _, m := range have.Items {
			micros[m.Code] = m
		}
		var ms []community.MicroGrid
		for _, mspec := range gs.Micro {
			m, ok := micros[mspec.Code]
			if !ok {
				if m, err = b.s.Communities.CreateMicroGrid(ctx, g.ID, community.GridInput{Name: mspec.Name, Code: mspec.Code}); err != nil {
					return fmt.Errorf("micro-grid %s: %w", mspec.Name, err)
				}
			}
			ms = append(ms, m)
		}
		b.grids = append(b.grids, g)
		b.micros = append(b.micros, ms)
	}
	return nil
}

// join has user ask to join in the micro-grid ps lives in and approver
// approve the request. A user who is already a member is left as is; a
// pending request from an earlier run is approved.
func (b *builder) join(ctx context.Context, user domain.ID, ps personSpec, approver domain.ID) error {
	uctx := as(ctx, user)
	micro := b.micros[ps.Grid][ps.Micro]
	r, err := b.s.Communities.RequestToJoin(uctx, community.JoinInput{
		CommunityID: b.c.ID, GridID: micro.GridID, MicroGridID: micro.ID,
		Message: fmt.Sprintf("我是%s%s的%s，申请加入。", b.p.Name, micro.Name, ps.Name),
	})
	switch {
	case errors.Is(err, community.ErrAlreadyMember):
		return nil
	case errors.Is(err, community.ErrRequestOpen):
		r, err = b.pending(uctx)
	}
	if err != nil {
		return fmt.Errorf("%s asks to join: %w", ps.Name, err)
	}
	if _, err := b.s.Communities.ApproveJoinRequest(as(ctx, approver), r.ID); err != nil {
		return fmt.Errorf("approve %s: %w", ps.Name, err)
	}
	return nil
}

// pending returns the actor's pending request to join the community.
func (b *builder) pending(ctx context.Context) (community.JoinRequest, error) {
	rs, err := b.s.Communities.MyJoinRequests(ctx)
	if err != nil {
		return community.JoinRequest{}, err
	}
	for _, r := range rs {
		if r.CommunityID == b.c.ID && r.State == community.JoinPending {
			return r, nil
		}
	}
	return community.JoinRequest{}, errors.New("pending join request not found")
}

// assign grants user the roles of ps, as the admin; a grid worker's role is
// granted once per grid.
func (b *builder) assign(ctx context.Context, user domain.ID, ps personSpec) error {
	for _, r := range ps.Roles {
		in := community.RoleInput{CommunityID: b.c.ID, UserID: user, Role: r}
		if r != domain.RoleGridWorker {
			if _, err := b.s.Communities.AssignRole(ctx, in); err != nil {
				return fmt.Errorf("make %s %s: %w", ps.Name, r, err)
			}
			continue
		}
		for _, g := range ps.Works {
			in.GridID = b.grids[g].ID
			if _, err := b.s.Communities.AssignRole(ctx, in); err != nil {
				return fmt.Errorf("make %s grid worker of %s: %w", ps.Name, b.grids[g].Name, err)
			}
		}
	}
	return nil
}

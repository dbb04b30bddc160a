package jobs

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
	"github.com/yishi-app/yishi/domain/notify"
)

// runDigests queues, for each community whose Monday 08:30 (in its own zone)
// has passed without a digest, the week's digest for each resident. A
// community with nothing new gets none.
func (s *Scheduler) runDigests(ctx context.Context, now time.Time) error {
	page := domain.Page{First: domain.MaxPageSize}
	for {
		l, err := s.cfg.Communities.Communities(ctx, community.CommunityFilter{}, page)
		if err != nil {
			return err
		}
		for _, c := range l.Items {
			if err := s.digest(ctx, c, now); err != nil {
				return fmt.Errorf("%s: %w", c.ID, err)
			}
		}
		if !l.HasNextPage || len(l.Items) == 0 {
			return nil
		}
		page.After = l.Items[len(l.Items)-1].ID
	}
}

func (s *Scheduler) digest(ctx context.Context, c community.Community, now time.Time) error {
	_, err := RunDaily(ctx, s.cfg.Schedule, "digest:"+string(c.ID), digestAt, c.Location(), digestLate, now, func(ctx context.Context, occ time.Time) error {
		return s.sendDigest(ctx, c, occ)
	})
	return err
}

// sendDigest queues the digest of the week before occ for the residents.
func (s *Scheduler) sendDigest(ctx context.Context, c community.Community, occ time.Time) error {
	since := occ.AddDate(0, 0, -7)
	residents, err := s.cfg.Communities.MemberIDs(ctx, c.ID, domain.RoleResident)
	if err != nil {
		return err
	}
	recipients, err := s.cfg.Accounts.Recipients(ctx, residents)
	if err != nil {
		return err
	}
	bodies := map[domain.Lang]string{}
	for _, lang := range []domain.Lang{domain.Chinese, domain.English} {
		var sections []string
		for _, src := range s.cfg.Digests {
			sec, err := src.DigestSection(ctx, c.ID, lang, since, occ)
			if err != nil {
				return err
			}
			if strings.TrimSpace(sec) != "" {
				sections = append(sections, strings.TrimSpace(sec))
			}
		}
		bodies[lang] = strings.Join(sections, "\n\n")
	}
	if bodies[domain.Chinese] == "" && bodies[domain.English] == "" {
		return nil // nothing new: no digest
	}
	for _, id := range residents {
		r, ok := recipients[id]
		if !ok || r.Email == "" {
			continue
		}
		lang := domain.Chinese
		if r.Lang == domain.English {
			lang = domain.English
		}
		err := s.cfg.Notify.Enqueue(ctx, notify.Item{
			Kind: notify.KindWeeklyDigest, CommunityID: c.ID, RecipientID: id,
			Subject: "digest:" + string(c.ID), Occurrence: occ.Format(time.DateOnly), Zone: c.Settings.TimeZone, SendAt: occ,
			Data: map[string]string{"community": c.Name, "body": bodies[lang], "link": s.cfg.BaseURL + "/"},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

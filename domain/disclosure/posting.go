package disclosure

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/community"
)

// Offline reach: many residents read notices on the board (公示栏) or have
// them brought to the door. Grid workers log, per micro-grid, that a
// published version was posted or delivered; online reads are counted per
// version.

// Method is how a notice reached a micro-grid.
type Method string

// Ways a notice is posted.
const (
	OnBoard    Method = "board"        // posted on the notice board
	DoorToDoor Method = "door_to_door" // delivered door to door
)

// Posting is the record that a published version's notice reached a
// micro-grid.
type Posting struct {
	ID           string
	CommunityID  domain.ID
	DisclosureID domain.ID
	VersionID    domain.ID
	GridID       domain.ID
	MicroGridID  domain.ID
	Date         Date // when, in the community's zone
	Method       Method
	ActorID      domain.ID // who posted it
	PhotoURL     string
	RecordedAt   time.Time
}

// PostingInput is a posting to record.
type PostingInput struct {
	VersionID   domain.ID
	MicroGridID domain.ID
	Date        Date
	Method      Method
	PhotoURL    string // optional
}

// RecordPosting logs that a published version was posted in a micro-grid,
// for a grid worker of its grid or the committee. The same version,
// micro-grid, day and way is recorded once: recording it again returns
// the first record. Errors: Unauthenticated, NotFound, Forbidden, Invalid
// (microGridId, date: from publication to today; method, photoUrl),
// Conflict (ErrNotPublished).
func (s *Service) RecordPosting(ctx context.Context, in PostingInput) (Posting, error) {
	v, err := s.publishedVersion(ctx, in.VersionID)
	if err != nil {
		return Posting{}, err
	}
	mg, err := s.comms.MicroGrid(ctx, in.MicroGridID)
	if err != nil || mg.CommunityID != v.CommunityID {
		if err != nil && domain.ErrorCode(err) != domain.NotFound {
			return Posting{}, err
		}
		return Posting{}, domain.InvalidField("microGridId", "请选择本社区的微网格", "choose a micro-grid of this community")
	}
	a, err := s.access(ctx, v.CommunityID, func(a community.Access) bool { return a.Has(domain.RoleCommittee) || a.WorksFor(mg.GridID) })
	if err != nil {
		return Posting{}, err
	}
	if in.Method != OnBoard && in.Method != DoorToDoor {
		return Posting{}, domain.InvalidField("method", "请选择张贴或入户送达", "choose posted on the board or door to door")
	}
	c, err := s.comms.Community(ctx, v.CommunityID)
	if err != nil {
		return Posting{}, err
	}
	now, loc := s.stamp(), c.Location()
	if !in.Date.Valid() || in.Date.Compare(DateOf(v.PublishedAt, loc)) < 0 || in.Date.Compare(DateOf(now, loc)) > 0 {
		return Posting{}, domain.InvalidField("date", "日期须在公布之日到今天之间", "the date must be between the day it was published and today")
	}
	d := postingDoc{
		ID: postingID(v.ID, mg.ID, in.Date, in.Method), CommunityID: v.CommunityID, DisclosureID: v.DisclosureID, VersionID: v.ID,
		GridID: mg.GridID, MicroGridID: mg.ID, Date: in.Date.String(), Method: string(in.Method), ActorID: a.UserID, RecordedAt: now,
	}
	if in.PhotoURL != "" {
		if d.PhotoURL, err = checkURL("photoUrl", in.PhotoURL); err != nil {
			return Posting{}, err
		}
	}
	won, err := s.insertPosting(ctx, d)
	if err != nil {
		return Posting{}, err
	}
	if !won {
		if d, err = s.findPosting(ctx, d.ID); err != nil {
			return Posting{}, err
		}
	}
	return toPosting(d), nil
}

// Postings lists the postings of a disclosure's versions, by date, to
// the community's members. Errors: Unauthenticated, NotFound, Forbidden.
func (s *Service) Postings(ctx context.Context, disclosureID domain.ID) ([]Posting, error) {
	d, err := s.Disclosure(ctx, disclosureID)
	if err != nil {
		return nil, err
	}
	if _, err := s.access(ctx, d.CommunityID, isMember); err != nil {
		return nil, err
	}
	docs, err := s.findPostings(ctx, d.ID)
	out := make([]Posting, len(docs))
	for i, p := range docs {
		out[i] = toPosting(p)
	}
	return out, err
}

// CountRead counts one online read of a published version and returns
// the new count; anyone's read counts. Errors: NotFound, Conflict
// (ErrNotPublished).
func (s *Service) CountRead(ctx context.Context, versionID domain.ID) (int, error) {
	v, err := s.publishedVersion(ctx, versionID)
	if err != nil {
		return 0, err
	}
	return s.incrementReads(ctx, v.ID)
}

// ReadCounts returns the online reads of versions, in one query; versions
// never read are left out. The counts are public. Errors: Invalid (more
// than 100 IDs).
func (s *Service) ReadCounts(ctx context.Context, versionIDs []domain.ID) (map[domain.ID]int, error) {
	ids, err := domain.UniqueIDs("versionIds", versionIDs, domain.MaxPageSize)
	if err != nil {
		return nil, err
	}
	return s.findReadCounts(ctx, ids)
}

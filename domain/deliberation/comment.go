package deliberation

import (
	"context"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/text"
)

// EditWindow is how long the author may edit a comment.
const EditWindow = 10 * time.Minute

// Comment is a member's comment on a topic, or a reply to one (one level).
type Comment struct {
	ID           domain.ID
	TopicID      domain.ID
	AuthorID     domain.ID
	ParentID     domain.ID
	Body         string // empty when hidden
	CreatedAt    time.Time
	EditedAt     time.Time
	Hidden       bool
	HiddenReason string
}

func toComment(d commentDoc) Comment {
	c := Comment{
		ID: d.ID, TopicID: d.TopicID, AuthorID: d.AuthorID, ParentID: d.ParentID,
		Body: d.Body, CreatedAt: d.CreatedAt, EditedAt: d.EditedAt, Hidden: d.Hidden, HiddenReason: d.HiddenReason,
	}
	if c.Hidden {
		c.Body = ""
	}
	return c
}

// CommentInput is a new comment; ParentID makes it a reply.
type CommentInput struct {
	TopicID  domain.ID
	ParentID domain.ID
	Body     string
}

// AddComment comments on a topic, for members of its community. A reply
// answers a top-level comment. Errors: Unauthenticated, NotFound, Forbidden,
// Invalid (body 1–2,000 runes; a parent that is itself a reply).
func (s *Service) AddComment(ctx context.Context, in CommentInput) (Comment, error) {
	t, err := s.Topic(ctx, in.TopicID)
	if err != nil {
		return Comment{}, err
	}
	if _, err := s.access(ctx, t.CommunityID, isMember); err != nil {
		return Comment{}, err
	}
	body, err := text.Body("body", in.Body, 1, 2000)
	if err != nil {
		return Comment{}, err
	}
	if in.ParentID != "" {
		p, err := s.findComment(ctx, in.ParentID)
		if err != nil || p.TopicID != t.ID {
			return Comment{}, domain.InvalidField("parentId", "找不到要回复的评论", "the comment to reply to was not found")
		}
		if p.ParentID != "" {
			return Comment{}, domain.InvalidField("parentId", "只能回复一级评论", "replies answer top-level comments only")
		}
	}
	d := commentDoc{
		ID: domain.NewID(), TopicID: t.ID, CommunityID: t.CommunityID,
		AuthorID: domain.ActorFromContext(ctx).UserID, ParentID: in.ParentID, Body: body, CreatedAt: s.now().UTC(),
	}
	if err := s.insertComment(ctx, d); err != nil {
		return Comment{}, err
	}
	return toComment(d), nil
}

// visibleComment returns a comment to the members of its community.
func (s *Service) visibleComment(ctx context.Context, id domain.ID) (commentDoc, error) {
	d, err := s.findComment(ctx, id)
	if err != nil {
		return d, err
	}
	if _, err := s.access(ctx, d.CommunityID, isMember); err != nil {
		if domain.ErrorCode(err) == domain.Internal {
			return d, err
		}
		return d, errCommentNotFound
	}
	return d, nil
}

// EditComment changes the actor's own comment within EditWindow of writing
// it. Errors: Unauthenticated, NotFound, Forbidden (not the author; the
// window has passed; hidden), Invalid.
func (s *Service) EditComment(ctx context.Context, id domain.ID, body string) (Comment, error) {
	d, err := s.visibleComment(ctx, id)
	if err != nil {
		return Comment{}, err
	}
	now := s.now().UTC()
	switch {
	case d.AuthorID != domain.ActorFromContext(ctx).UserID:
		return Comment{}, domain.ErrForbidden
	case d.Hidden:
		return Comment{}, domain.Errorf(domain.Forbidden, "该评论已被隐藏", "this comment has been hidden")
	case now.Sub(d.CreatedAt) > EditWindow:
		return Comment{}, domain.Errorf(domain.Forbidden, "评论发表 10 分钟后不能再修改", "comments can be edited for 10 minutes only")
	}
	if d.Body, err = text.Body("body", body, 1, 2000); err != nil {
		return Comment{}, err
	}
	d.EditedAt = now
	if err := s.setCommentBody(ctx, d.ID, d.Body, now); err != nil {
		return Comment{}, err
	}
	return toComment(d), nil
}

// HideComment hides a comment with a reason that is published in its place
// and on the topic's timeline; for the committee. Errors: Unauthenticated,
// NotFound, Forbidden, Invalid (reason 1–200 runes).
func (s *Service) HideComment(ctx context.Context, id domain.ID, reason string) (Comment, error) {
	d, err := s.visibleComment(ctx, id)
	if err != nil {
		return Comment{}, err
	}
	if _, err := s.access(ctx, d.CommunityID, func(a communityAccess) bool { return a.Has(domain.RoleCommittee) }); err != nil {
		return Comment{}, err
	}
	if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 1, 200); err != nil {
		return Comment{}, err
	}
	actor := domain.ActorFromContext(ctx).UserID
	if err := s.hideComment(ctx, d.ID, reason, actor); err != nil {
		return Comment{}, err
	}
	t, err := s.findTopic(ctx, d.TopicID)
	if err != nil {
		return Comment{}, err
	}
	if err := s.event(ctx, t, "comment_hidden", actor, reason, string(d.ID)); err != nil {
		return Comment{}, err
	}
	d.Hidden, d.HiddenReason = true, reason
	return toComment(d), nil
}

// ReportComment reports a comment to the committee; one report per member
// and comment. Errors: Unauthenticated, NotFound, Invalid (reason ≤ 200).
func (s *Service) ReportComment(ctx context.Context, id domain.ID, reason string) error {
	d, err := s.visibleComment(ctx, id)
	if err != nil {
		return err
	}
	reason = text.Clean(reason)
	if reason != "" {
		if reason, err = text.Line("reason", domain.Text{ZH: "理由", EN: "reason"}, reason, 1, 200); err != nil {
			return err
		}
	}
	user := domain.ActorFromContext(ctx).UserID
	r := reportDoc{ID: string(d.ID) + "/" + string(user), CommentID: d.ID, TopicID: d.TopicID, UserID: user, Reason: reason, CreatedAt: s.now().UTC()}
	return s.insertReport(ctx, r)
}

// Comments lists a topic's comments, oldest first; hidden ones keep their
// place with the reason instead of the text. Errors: NotFound, Invalid.
func (s *Service) Comments(ctx context.Context, topicID domain.ID, page domain.Page) (domain.List[Comment], error) {
	if _, err := s.Topic(ctx, topicID); err != nil {
		return domain.List[Comment]{}, err
	}
	return s.findCommentPage(ctx, topicID, page)
}

// ReportCounts counts the reports on comments of a topic, for the
// committee's moderation view.
func (s *Service) ReportCounts(ctx context.Context, topicID domain.ID) (map[domain.ID]int, error) {
	t, err := s.Topic(ctx, topicID)
	if err != nil {
		return nil, err
	}
	if _, err := s.access(ctx, t.CommunityID, func(a communityAccess) bool { return a.Has(domain.RoleCommittee) }); err != nil {
		return nil, err
	}
	return s.countReports(ctx, topicID)
}

// Comment returns one comment to the members of its community.
// Errors: NotFound (also for outsiders).
func (s *Service) Comment(ctx context.Context, id domain.ID) (Comment, error) {
	d, err := s.visibleComment(ctx, id)
	if err != nil {
		return Comment{}, err
	}
	return toComment(d), nil
}

package disclosure

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
)

// Disclosure's public facts go into the community's record (公信链,
// domain/ledger), once each (ledger.AppendOnce): every published version
// with the hash of its content, and every answer to a question. Payloads
// hold only what the disclosure's page publishes and name no one.

// CanonicalContent returns what a version's content hash covers: the
// canonical JSON (ledger.Canonical) of its disclosure, kind, period,
// number, type, reason and content, amounts in fen and dates as
// 2006-01-02. Anyone holding the version can recompute it.
func CanonicalContent(v Version) []byte {
	c := map[string]any{
		"disclosure": domain.GlobalID(disclosureType, v.DisclosureID), "community": string(v.CommunityID),
		"kind": string(v.Kind), "period": string(v.Period), "number": v.Number, "type": string(v.Type),
		"reason": v.Reason, "title": v.Content.Title, "body": v.Content.Body,
	}
	if p := v.Content.Power; p != nil {
		c["power"] = map[string]any{"decision": p.Decision, "decidedBy": p.DecidedBy, "basis": p.Basis, "amount": p.Amount}
	}
	if f := v.Content.Finance; f != nil {
		items := make([]map[string]any, len(f.Items))
		for i, it := range f.Items {
			items[i] = map[string]any{
				"id": it.ID, "date": it.Date.String(), "direction": string(it.Direction), "category": it.Category,
				"amount": it.Amount, "counterparty": it.Counterparty, "voucher": it.Voucher, "link": it.Link, "note": it.Note,
			}
		}
		c["finance"] = map[string]any{"opening": f.Opening, "income": f.Income, "expense": f.Expense, "closing": f.Closing, "items": items}
	}
	atts := make([]map[string]any, len(v.Content.Attachments))
	for i, a := range v.Content.Attachments {
		atts[i] = map[string]any{"url": a.URL, "name": a.Name, "sha256": a.SHA256, "size": a.Size}
	}
	c["attachments"] = atts
	b, err := ledger.Canonical(c)
	if err != nil {
		panic("disclosure: canonical content: " + err.Error()) // strings and integers always encode
	}
	return b
}

// ContentHash returns the hex SHA-256 of a version's CanonicalContent.
func ContentHash(v Version) string {
	sum := sha256.Sum256(CanonicalContent(v))
	return hex.EncodeToString(sum[:])
}

// recordFact puts a fact about subject in the community's record, once,
// when the service keeps one. What it records is already stored, so a
// failure is logged, not returned; Repair records what is missing.
func (s *Service) recordFact(ctx context.Context, communityID domain.ID, t ledger.Type, subject, role string, at time.Time, payload map[string]any) {
	if s.record == nil {
		return
	}
	body, err := json.Marshal(payload)
	if err == nil {
		_, _, err = s.record.AppendOnce(ctx, communityID, ledger.Entry{Type: t, Subject: subject, Role: role, At: at, Payload: body})
	}
	if err != nil {
		s.log.ErrorContext(ctx, "public record: a fact was not recorded", "type", t, "subject", subject, "err", err)
	}
}

// recordVersion records a published version with its content hash.
func (s *Service) recordVersion(ctx context.Context, d Disclosure, v Version, role string) {
	p := map[string]any{
		"disclosure": domain.GlobalID(disclosureType, d.ID), "version": domain.GlobalID(versionType, v.ID),
		"kind": string(v.Kind), "period": string(v.Period), "number": v.Number, "type": string(v.Type),
		"title": v.Content.Title, "contentHash": v.ContentHash,
	}
	if v.Reason != "" {
		p["reason"] = v.Reason
	}
	if f := v.Content.Finance; f != nil {
		p["opening"], p["income"], p["expense"], p["closing"], p["items"] = f.Opening, f.Income, f.Expense, f.Closing, f.ItemCount
	}
	s.recordFact(ctx, v.CommunityID, ledger.DisclosureVersion, domain.GlobalID(versionType, v.ID), role, v.PublishedAt, p)
}

// recordAnswer records an answer to a question.
func (s *Service) recordAnswer(ctx context.Context, q Question) {
	s.recordFact(ctx, q.CommunityID, ledger.QuestionAnswer, domain.GlobalID(questionType, q.ID), string(q.AnsweredRole), q.AnsweredAt, map[string]any{
		"question": domain.GlobalID(questionType, q.ID), "disclosure": domain.GlobalID(disclosureType, q.DisclosureID),
		"version": domain.GlobalID(versionType, q.VersionID), "text": q.Text, "answer": q.Answer,
		"askedAt": q.AskedAt.UTC().Format(ledger.TimeLayout), "onTime": q.OnTime, "escalated": q.Escalated,
	})
}

// RecordMissing records the published versions and answers that the
// record lacks (a failure or a stop right after they were stored), and
// returns how many it added.
func (s *Service) RecordMissing(ctx context.Context) (int, error) {
	if s.record == nil {
		return 0, nil
	}
	refs, err := s.findPublishedRefs(ctx)
	if err != nil {
		return 0, err
	}
	answered, err := s.findAnsweredRefs(ctx)
	if err != nil {
		return 0, err
	}
	recorded := map[domain.ID]map[ledger.Type]map[string]bool{}
	has := func(c domain.ID, t ledger.Type, subject string) (bool, error) {
		if recorded[c] == nil {
			recorded[c] = map[ledger.Type]map[string]bool{}
		}
		if recorded[c][t] == nil {
			m, err := s.record.Recorded(ctx, c, t)
			if err != nil {
				return false, err
			}
			recorded[c][t] = m
		}
		return recorded[c][t][subject], nil
	}
	added := 0
	for _, r := range refs {
		ok, err := has(r.CommunityID, ledger.DisclosureVersion, domain.GlobalID(versionType, r.ID))
		if err != nil || ok {
			if err != nil {
				return added, err
			}
			continue
		}
		vd, err := s.findVersion(ctx, r.ID)
		if err != nil {
			return added, err
		}
		d, err := s.findDisclosure(ctx, r.DisclosureID)
		if err != nil {
			return added, err
		}
		role := vd.PublishedRole
		if role == "" {
			role = string(domain.RoleCommittee)
		}
		s.recordVersion(ctx, toDisclosure(d), toVersion(vd), role)
		added++
	}
	for _, q := range answered {
		ok, err := has(q.CommunityID, ledger.QuestionAnswer, domain.GlobalID(questionType, q.ID))
		if err != nil {
			return added, err
		}
		if !ok {
			s.recordAnswer(ctx, toQuestion(q))
			added++
		}
	}
	return added, nil
}

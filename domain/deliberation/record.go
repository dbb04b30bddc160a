package deliberation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/ledger"
)

// Deliberation's public facts go into the community's record (公信链,
// domain/ledger): screening decisions, draws with their seed and the hash
// of the eligible list, published vote results (a secret ballot's without
// counts, and never anyone's choice), resolutions and their closing. Each
// payload holds only what the community's pages already publish, and
// names no one: people appear as the opaque keys a draw hashes.

// recordFact puts a fact about subject (a global ID) in the community's
// record, once, when the service keeps one. The decision it records has
// already been stored, so a failure to record is logged, not returned: the
// person who decided sees their decision done.
func (s *Service) recordFact(ctx context.Context, communityID domain.ID, t ledger.Type, subject, role string, at time.Time, payload map[string]any) {
	if s.record == nil {
		return
	}
	body, err := json.Marshal(payload)
	if err == nil {
		_, _, err = s.record.AppendOnce(ctx, communityID, ledger.Entry{Type: t, Subject: subject, Role: role, At: at, Payload: body})
	}
	if err != nil {
		s.log.Error("public record: a fact was not recorded", "type", t, "subject", subject, "err", err)
	}
}

// recordScreening records a topic's screening decision.
func (s *Service) recordScreening(ctx context.Context, t Topic, claim eventDoc, role string) {
	p := map[string]any{"topic": domain.GlobalID("Topic", t.ID), "title": t.Title, "decision": claim.Decision, "note": claim.Note}
	if claim.Body != "" {
		p["body"] = claim.Body
	}
	if claim.Into != "" {
		p["into"] = domain.GlobalID("Topic", claim.Into)
	}
	s.recordFact(ctx, t.CommunityID, ledger.Screening, domain.GlobalID("Topic", t.ID), role, claim.At, p)
}

// recordDraw records a draw: the seed and salt it hashed with, how many
// were eligible and the SHA-256 of their keys (one per line, in order),
// and the keys drawn and held in reserve, so anyone holding the list can
// recompute it (yishi verify-draw).
func (s *Service) recordDraw(ctx context.Context, t Topic, d drawDoc) {
	s.recordFact(ctx, t.CommunityID, ledger.Draw, domain.GlobalID("Draw", d.ID), string(domain.RoleCommittee), d.At, map[string]any{
		"topic": domain.GlobalID("Topic", t.ID), "seed": d.Seed, "salt": d.Salt, "count": d.Count,
		"eligibleCount": len(d.Eligible), "eligibleHash": keysHash(d.Eligible), "drawn": d.Drawn, "reserve": d.Reserve,
	})
}

// keysHash is the hex SHA-256 of keys, one per line.
func keysHash(keys []domain.ID) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(string(k))
		b.WriteByte('\n')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// recordResult records a motion's published result: r as everyone may see
// it once closed, so a secret ballot's has no counts.
func (s *Service) recordResult(ctx context.Context, m Motion, r Result, closedAt time.Time) {
	p := map[string]any{
		"motion": domain.GlobalID("Motion", m.ID), "topic": domain.GlobalID("Topic", m.TopicID), "text": m.Text,
		"method": string(m.Method), "secret": m.Secret, "voters": r.Voters, "cast": r.Cast, "quorum": r.Quorum, "passed": r.Passed,
	}
	if !r.Hidden {
		p["yes"], p["no"], p["abstain"] = r.Yes, r.No, r.Abstain
		if r.Parties != nil {
			parties := map[string][3]int{}
			for party, c := range r.Parties {
				parties[string(party)] = c
			}
			p["parties"] = parties
		}
	}
	if r.Agreed != nil {
		agreed := map[string]bool{}
		for party, ok := range r.Agreed {
			agreed[string(party)] = ok
		}
		p["agreed"] = agreed
	}
	s.recordFact(ctx, m.CommunityID, ledger.VoteResult, domain.GlobalID("Motion", m.ID), string(domain.RoleCommittee), closedAt, p)
}

// recordResolution records an adopted resolution.
func (s *Service) recordResolution(ctx context.Context, r Resolution) {
	s.recordFact(ctx, r.CommunityID, ledger.Resolution, domain.GlobalID("Resolution", r.ID), string(domain.RoleCommittee), r.AdoptedAt, map[string]any{
		"resolution": domain.GlobalID("Resolution", r.ID), "topic": domain.GlobalID("Topic", r.TopicID), "text": r.Text,
		"effectiveAt": r.EffectiveAt.UTC().Format(ledger.TimeLayout),
	})
}

// recordClosing records a resolution's closing summary.
func (s *Service) recordClosing(ctx context.Context, r Resolution) {
	p := map[string]any{"resolution": domain.GlobalID("Resolution", r.ID), "summary": r.Summary}
	if r.UnfinishedReason != "" {
		p["unfinishedReason"] = r.UnfinishedReason
	}
	s.recordFact(ctx, r.CommunityID, ledger.ResolutionClosed, domain.GlobalID("Resolution", r.ID), string(domain.RoleCommittee), r.ClosedAt, p)
}

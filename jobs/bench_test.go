package jobs_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/notify"
)

// people is a directory of synthetic recipients, so the benchmark measures
// the outbox and the mailer rather than 10,000 password hashes.
type people struct{}

func (people) Recipients(_ context.Context, ids []domain.ID) (map[domain.ID]notify.Recipient, error) {
	out := make(map[domain.ID]notify.Recipient, len(ids))
	for _, id := range ids {
		out[id] = notify.Recipient{UserID: id, Email: string(id) + "@bench.example", Name: "居民", Lang: domain.Chinese, Verified: true}
	}
	return out, nil
}

// BenchmarkDispatch10000 dispatches 10,000 due reminders (100 meetings with
// 100 panel members each) to the fake SendGrid over HTTP, and reports
// reminders per second and the requests made.
func BenchmarkDispatch10000(b *testing.B) {
	const meetings, members = 100, 100
	for b.Loop() {
		b.StopTimer()
		f := newFixture(b)
		f.a.notify.SetDirectory(people{})
		ctx := context.Background()
		for m := range meetings {
			for p := range members {
				it := f.reminder(domain.ID(fmt.Sprintf("u%03d-%03d", m, p)), fmt.Sprintf("meeting:%d", m), f.clock.Now())
				it.Data["community"] = fmt.Sprintf("第%d议事会", m)
				if err := f.a.notify.Enqueue(ctx, it); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.StartTimer()
		start := time.Now()
		st, err := f.a.notify.Dispatch(ctx, f.clock.Now())
		if err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(start)
		b.StopTimer()
		if st.Sent != meetings*members {
			b.Fatalf("sent %d, want %d", st.Sent, meetings*members)
		}
		b.ReportMetric(float64(st.Sent)/elapsed.Seconds(), "reminders/s")
		b.ReportMetric(float64(len(f.sg.Requests())), "requests")
		b.StartTimer()
	}
}

package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yishi-app/yishi/domain"
	"github.com/yishi-app/yishi/domain/deliberation"
)

// BenchmarkExecutionCap is a bounded local load on one instance with its
// default execution cap (16 per core): at each concurrency, clients POST
// the topic list (20 topics, as an admin) over 127.0.0.1 as fast as they
// can for 3 s. It prints the answered and refused (503) requests per
// second and the latency of each, so the closing note can say where the
// cap starts refusing. It asserts nothing about time; it fails if any
// answer is neither 200 nor 503.
func BenchmarkExecutionCap(b *testing.B) {
	e := newEnv(b)
	v := e.village(b, "小古城村", "A1")
	for i := range 20 {
		must(e.topics.Propose(v.admin, deliberation.ProposeInput{CommunityID: v.c.ID, Title: fmt.Sprintf("议题 %d", i), Category: deliberation.Environment, GridIDs: []domain.ID{v.grid.ID}}))
	}
	body, _ := json.Marshal(map[string]any{"query": topicsQ, "variables": map[string]any{"id": gid("Community", v.c.ID), "first": 20}})
	for _, clients := range []int{8, 64, 256, 1024, 2048} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: time.Minute}
			defer client.CloseIdleConnections()
			var mu sync.Mutex
			lat := map[int][]time.Duration{}
			var other atomic.Int32
			stop := time.Now().Add(3 * time.Second)
			var wg sync.WaitGroup
			for range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for time.Now().Before(stop) {
						req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
						req.Header.Set("Content-Type", "application/json")
						req.Header.Set("Authorization", "Bearer "+v.adminToken)
						start := time.Now()
						res, err := client.Do(req)
						if err != nil {
							other.Add(1)
							continue
						}
						_, _ = io.Copy(io.Discard, res.Body)
						res.Body.Close()
						mu.Lock()
						lat[res.StatusCode] = append(lat[res.StatusCode], time.Since(start))
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			for status, l := range lat {
				if status != http.StatusOK && status != http.StatusServiceUnavailable {
					b.Errorf("%d answers with status %d", len(l), status)
				}
			}
			if n := other.Load(); n > 0 {
				b.Errorf("%d requests failed without an answer", n)
			}
			line := func(status int) string {
				l := lat[status]
				if len(l) == 0 {
					return "0/s"
				}
				slices.Sort(l)
				return fmt.Sprintf("%.0f/s (p50 %v, p95 %v)", float64(len(l))/3, l[len(l)/2].Round(time.Millisecond), l[len(l)*95/100].Round(time.Millisecond))
			}
			b.Logf("%4d clients: answered %s, refused (503) %s", clients, line(http.StatusOK), line(http.StatusServiceUnavailable))
		})
	}
}

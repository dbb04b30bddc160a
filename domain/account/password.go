package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"

	"github.com/yishi-app/yishi/domain"
)

// Password hashing parameters: argon2id with 19 MiB, 2 passes, 1 thread
// (the OWASP baseline), a 16-byte salt and a 32-byte key.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	saltLen        = 16

	minPasswordBytes = 8
	maxPasswordBytes = 128
)

// argonSlots bounds the hashes computed at once. Each takes 19 MiB and a
// core for about 20 ms, so a burst of logins or guesses waits its turn
// instead of exhausting the server's memory.
var argonSlots = make(chan struct{}, max(2, 2*runtime.GOMAXPROCS(0)))

// argonBusy counts the hashes being computed; argonPeak is the most there
// were at once (the tests read it).
var argonBusy, argonPeak atomic.Int64

// idKey is argon2.IDKey within argonSlots.
func idKey(pw, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	argonSlots <- struct{}{}
	defer func() { <-argonSlots }()
	busy := argonBusy.Add(1)
	defer argonBusy.Add(-1)
	for {
		peak := argonPeak.Load()
		if busy <= peak || argonPeak.CompareAndSwap(peak, busy) {
			break
		}
	}
	return argon2.IDKey(pw, salt, t, m, p, n)
}

// checkPassword enforces the 8–128 byte length on a new password.
func checkPassword(field, pw string) error {
	switch {
	case len(pw) < minPasswordBytes:
		return domain.InvalidField(field, "密码至少需要 %d 个字符", "password must be at least %d bytes", minPasswordBytes)
	case len(pw) > maxPasswordBytes:
		return domain.InvalidField(field, "密码最多 %d 个字符", "password must be at most %d bytes", maxPasswordBytes)
	}
	return nil
}

// hashPassword returns the PHC-format argon2id hash of pw with a fresh salt.
func hashPassword(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := idKey([]byte(pw), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemoryKiB, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// verifyPassword reports whether pw matches the PHC-format hash, using the
// parameters stored in the hash.
func verifyPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := idKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when an email is unknown, so that a login
// for a missing account takes as long as one for an existing account.
var dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2n4bEQd7Q+OCZT2bOAPdlu7Yh+CNlM+ZO8y0xIR2Q9I"

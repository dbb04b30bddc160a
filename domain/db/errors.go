package db

import (
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/yishi-app/yishi/domain"
)

// IsDuplicate reports whether err is a unique-index violation (E11000).
func IsDuplicate(err error) bool {
	return mongo.IsDuplicateKeyError(err)
}

// IsNotFound reports whether err says no document matched.
func IsNotFound(err error) bool {
	return errors.Is(err, mongo.ErrNoDocuments)
}

// Err translates a driver error from operation op: no documents becomes a
// domain NotFound, a duplicate key a domain Conflict, and anything else an
// uncoded (internal) error. The driver error stays in the chain for logs.
func Err(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case IsNotFound(err):
		return fmt.Errorf("%s: %w: %w", op, domain.Errorf(domain.NotFound, "找不到该记录", "record not found"), err)
	case IsDuplicate(err):
		return fmt.Errorf("%s: %w: %w", op, domain.Errorf(domain.Conflict, "记录已存在", "record already exists"), err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

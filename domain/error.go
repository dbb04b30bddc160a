package domain

import (
	"errors"
	"fmt"
)

// Code classifies an error for clients. The graph package maps each code to a
// GraphQL extensions.code.
type Code string

// Error codes.
const (
	Invalid         Code = "invalid"
	NotFound        Code = "not_found"
	Conflict        Code = "conflict"
	Unauthenticated Code = "unauthenticated"
	Forbidden       Code = "forbidden"
	RateLimited     Code = "rate_limited"
	Internal        Code = "internal"
)

// Text is a message in the languages Yishi speaks.
type Text struct {
	ZH string // Simplified Chinese, the default.
	EN string // English.
}

// In returns the text in lang, falling back to Chinese.
func (t Text) In(lang Lang) string {
	if lang == English && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Error is an error a user can be told about: a code, a message in both
// languages and, for invalid input, the input field it concerns.
type Error struct {
	Code    Code
	Message Text
	Field   string
}

// Error returns the English message with its code.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message.EN)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message.EN)
}

// Errorf returns an *Error with the given code and message; zh and en are
// format strings applied to the same args.
func Errorf(code Code, zh, en string, args ...any) *Error {
	return &Error{Code: code, Message: Text{ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}}
}

// InvalidField returns an Invalid error about one input field.
func InvalidField(field, zh, en string, args ...any) *Error {
	e := Errorf(Invalid, zh, en, args...)
	e.Field = field
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, Internal for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// AsError returns the first *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Common errors shared by the areas.
var (
	ErrUnauthenticated = Errorf(Unauthenticated, "请先登录", "please log in first")
	ErrForbidden       = Errorf(Forbidden, "您没有权限执行此操作", "you are not allowed to do this")
)

// ErrNotFound returns a NotFound error naming what was looked for, in both
// languages (for example "话题", "topic").
func ErrNotFound(zhWhat, enWhat string) *Error {
	return &Error{Code: NotFound, Message: Text{ZH: "找不到该" + zhWhat, EN: enWhat + " not found"}}
}

// InvalidText returns an Invalid error about field with a ready message.
func InvalidText(field string, msg Text) *Error {
	return &Error{Code: Invalid, Message: msg, Field: field}
}

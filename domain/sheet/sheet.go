// Package sheet writes tables for people to open in Excel and WPS: CSV
// (UTF-8 with a byte-order mark, so Chinese text opens right) and XLSX
// (through xuri/excelize), with dates as dates and amounts kept in fen
// (分) shown as yuan with two decimals. Areas build a Sheet; this package
// knows nothing of what is in it.
package sheet

import (
	"fmt"
	"time"
)

// Kind is how a column's cells are written.
type Kind int

// Column kinds.
const (
	Text Kind = iota // a string
	Date             // a time.Time, written as a date in the sheet's zone
	Yuan             // an int64 amount in fen, shown as yuan with two decimals
	Int              // an int or int64
)

// Column is a column's title, kind and width (in characters; 0 for a
// width that suits its kind).
type Column struct {
	Title string
	Kind  Kind
	Width float64
}

// Sheet is one table: its name (at most 31 characters, for XLSX), its
// columns, its rows (one value per column, of the column's kind, or nil
// for an empty cell) and the zone its dates are written in (nil: UTC).
type Sheet struct {
	Name    string
	Columns []Column
	Rows    [][]any
	Zone    *time.Location
}

// check refuses a sheet a writer could not write faithfully.
func (s Sheet) check() error {
	if n := len([]rune(s.Name)); n == 0 || n > 31 {
		return fmt.Errorf("sheet: name %q must have 1 to 31 characters", s.Name)
	}
	for i, row := range s.Rows {
		if len(row) != len(s.Columns) {
			return fmt.Errorf("sheet %s: row %d has %d cells for %d columns", s.Name, i+1, len(row), len(s.Columns))
		}
		for j, v := range row {
			if v == nil {
				continue
			}
			ok := false
			switch s.Columns[j].Kind {
			case Text:
				_, ok = v.(string)
			case Date:
				_, ok = v.(time.Time)
			case Yuan:
				_, ok = v.(int64)
			case Int:
				switch v.(type) {
				case int, int64:
					ok = true
				}
			}
			if !ok {
				return fmt.Errorf("sheet %s: row %d, column %q holds a %T", s.Name, i+1, s.Columns[j].Title, v)
			}
		}
	}
	return nil
}

// zone is the sheet's zone for dates.
func (s Sheet) zone() *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

// YuanText writes fen as yuan with two decimals, e.g. -123456 as
// "-1234.56", exactly (no floating point).
func YuanText(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign, u = "-", uint64(-fen)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

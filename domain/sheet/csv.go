package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"time"
)

// bom is UTF-8's byte-order mark: Excel and WPS read a CSV as UTF-8 only
// when it starts with one.
const bom = "\uFEFF"

// WriteCSV writes s as CSV: the byte-order mark, a row of titles, then the
// rows; dates as 2006-01-02 in the sheet's zone, amounts as yuan with two
// decimals.
func WriteCSV(w io.Writer, s Sheet) error {
	if err := s.check(); err != nil {
		return err
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes, and what Windows tools expect
	titles := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		titles[i] = c.Title
	}
	if err := cw.Write(titles); err != nil {
		return err
	}
	for _, row := range s.Rows {
		rec := make([]string, len(row))
		for j, v := range row {
			rec[j] = csvCell(s.Columns[j].Kind, v, s.zone())
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell is one value as CSV text.
func csvCell(k Kind, v any, zone *time.Location) string {
	if v == nil {
		return ""
	}
	switch k {
	case Date:
		return v.(time.Time).In(zone).Format("2006-01-02")
	case Yuan:
		return YuanText(v.(int64))
	case Int:
		return fmt.Sprint(v)
	}
	return v.(string)
}

package sheet

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// The XLSX number formats: a date, and yuan with thousands separators and
// two decimals.
const (
	dateFormat = "yyyy-mm-dd"
	yuanFormat = "#,##0.00"
)

// WriteXLSX writes the sheets as one workbook, in order: a bold row of
// titles, then the rows, dates as date cells (shown yyyy-mm-dd) and
// amounts as numbers in yuan shown with two decimals. An amount is the
// fen divided by 100 as a float64, exact for every amount below 2^53 fen
// to the fen when shown with two decimals.
func WriteXLSX(w io.Writer, sheets ...Sheet) error {
	if len(sheets) == 0 {
		return fmt.Errorf("sheet: a workbook needs a sheet")
	}
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if err := s.check(); err != nil {
			return err
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := writeSheet(f, s, styles); err != nil {
			return fmt.Errorf("sheet %s: %w", s.Name, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}

type xlsxStyles struct{ title, date, yuan int }

func newStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	dateFmt, yuanFmt := dateFormat, yuanFormat
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return st, err
	}
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return st, err
	}
	st.yuan, err = f.NewStyle(&excelize.Style{CustomNumFmt: &yuanFmt})
	return st, err
}

// writeSheet writes one sheet's titles and rows, a row at a time through
// excelize's stream writer (a year of items is thousands of rows).
func writeSheet(f *excelize.File, s Sheet, st xlsxStyles) error {
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	for j, c := range s.Columns {
		width := c.Width
		if width == 0 {
			width = map[Kind]float64{Text: 20, Date: 12, Yuan: 14, Int: 8}[c.Kind]
		}
		if err := sw.SetColWidth(j+1, j+1, width); err != nil {
			return err
		}
	}
	titles := make([]any, len(s.Columns))
	for j, c := range s.Columns {
		titles[j] = excelize.Cell{StyleID: st.title, Value: c.Title}
	}
	if err := sw.SetRow("A1", titles); err != nil {
		return err
	}
	for i, row := range s.Rows {
		cells := make([]any, len(row))
		for j, v := range row {
			cells[j] = xlsxCell(s.Columns[j].Kind, v, s.zone(), st)
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxCell is one value as a cell.
func xlsxCell(k Kind, v any, zone *time.Location, st xlsxStyles) any {
	if v == nil {
		return nil
	}
	switch k {
	case Date:
		t := v.(time.Time).In(zone)
		// The cell holds the calendar date in the zone, as Excel counts days.
		return excelize.Cell{StyleID: st.date, Value: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
	case Yuan:
		return excelize.Cell{StyleID: st.yuan, Value: float64(v.(int64)) / 100}
	}
	return v
}

// ReadXLSX reads a workbook's sheets as text, as Excel shows the cells
// (dates and amounts formatted), by sheet name in order; for tests and
// for checking an export round-trips.
func ReadXLSX(r io.Reader) (names []string, rows map[string][][]string, err error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rows = map[string][][]string{}
	for _, name := range f.GetSheetList() {
		got, err := f.GetRows(name)
		if err != nil {
			return nil, nil, err
		}
		names = append(names, name)
		rows[name] = got
	}
	return names, rows, nil
}

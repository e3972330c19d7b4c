"""Spreadsheet import and export (xlsx, xls, ods, csv). No Qt."""

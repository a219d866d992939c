"""Suggestions as a workbook or report document, terminal text and JSON."""

"""A check's result (the analysis) as a report document, terminal text and JSON."""

"""A diff's result as a report document, terminal text and JSON, from shared sentences."""

"""A status result as the chapter «Måloppnåing», terminal text and JSON."""

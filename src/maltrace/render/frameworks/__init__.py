"""Frameworks and ladders as report chapters and terminal text."""

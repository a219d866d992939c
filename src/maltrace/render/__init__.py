"""Analysis -> words and pictures: terminal, JSON, diagrams, reports. Never recomputes coverage."""

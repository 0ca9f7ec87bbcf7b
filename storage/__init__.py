"""SQLite storage of a project, through sqlite-utils (DESIGN.md section 5)."""

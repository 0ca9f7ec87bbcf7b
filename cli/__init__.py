"""The command line: its grammar, its commands and how they print to a terminal."""

"""What marks a SQLite file as a Hashiya project, and the project version this program writes.

Kept apart from ``storage.migrations`` so that opening an up-to-date project needs neither the
migrations nor sqlite-utils.
"""

APPLICATION_ID = 0x48534859  # "HSHY": marks a SQLite file as a Hashiya project.

# The number of migrations in ``storage.migrations``; a test keeps the two in step.
SCHEMA_VERSION = 9

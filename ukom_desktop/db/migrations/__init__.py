"""Alembic migrations shipped inside the package (batch mode: the same scripts on SQLite and PostgreSQL)."""

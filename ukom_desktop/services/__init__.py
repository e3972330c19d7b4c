"""Use cases over a database Session; they validate, write in one transaction and return dataclasses. No Qt."""

"""Qt item models, one per kind of table; tested without a window."""

"""First-run setup wizard."""

"""Users, login, idle lock, audit viewer and encrypted files in the window (issue 13)."""

"""Exercise materials, room printing and the incoming-letter register (issue 17)."""

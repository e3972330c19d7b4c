"""Letters and event documents: institution profile, signatories, numbering, templates, printing."""

"""Generic widgets that know nothing of UKOM."""

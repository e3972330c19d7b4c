"""Pure rules and calculations from the regulations and SOPs: no Qt, no database session."""

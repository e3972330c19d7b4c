"""Subcommands of this area (to be filled by its issue). Heavy imports go inside the handlers."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this area's subcommands, or its kinds with commands.registry.register_kind."""

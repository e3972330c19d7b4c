"""PySide6 user interface: a thin shell over services/."""

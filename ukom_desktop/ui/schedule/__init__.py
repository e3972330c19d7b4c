"""The scheduling grid (Jadwal tab): its Qt model, the grid widget, dialogs and menu actions."""

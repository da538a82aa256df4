"""Reminders: /today, the buttons on pushes, the reminder settings."""

"""What every domain shares: the turn, the dependencies, keyboards, rendering, /cancel, menus."""

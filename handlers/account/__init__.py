"""The member's own account: /start, /help, /language."""

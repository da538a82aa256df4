"""Keys in user_data for "the next text message is the value of a field being changed"."""

CAPTURE_EDIT_KEY = "capture_edit"
ARCHIVE_EDIT_KEY = "archive_edit"

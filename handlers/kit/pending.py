"""Keys in user_data for what a member is in the middle of: a guided flow, or "the next text
message is the value of a field being changed". Check-ins and /cancel read them too."""

FLOW_KEY = "flow"
CAPTURE_EDIT_KEY = "capture_edit"
ARCHIVE_EDIT_KEY = "archive_edit"

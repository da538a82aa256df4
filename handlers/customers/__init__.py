"""The customer archive: /customer, /find, the card, its edits, check-ins."""

"""Telling people: in-app notifications and e-mail, text messages, the header's unread count."""

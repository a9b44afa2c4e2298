"""The people who write to the programme: consent, submission keys, withdrawal, retention,
export and erasure, notifications to staff, and the messages they send.

Imported by `cms` and `matching`, importing neither: their models that hold a person's details
register themselves here (contacts.privacy) from their AppConfig.ready().
"""

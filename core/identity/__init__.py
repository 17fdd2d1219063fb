"""Accounts and organizations: registration, login and sessions, hand-off between region
hosts, recovery and appeals, authorities and their reviewers, identity validators."""

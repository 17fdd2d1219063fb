"""What later stages hear about the table's work, without workflow importing them.

`transition_done` is sent inside apply_transition's transaction, after the row, its history and
its index row are written: a receiver's writes commit or roll back with the transition. Payments
listens to refund an application that leaves before its meeting.
"""

from django.dispatch import Signal

# kwargs: application, action, from_status, actor (None for the system), payload
transition_done = Signal()

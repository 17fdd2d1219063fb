"""Routes of the notifications, for config/urls_common.py to include on every host.

`api_patterns` go under /api/v1/; `page_patterns` hold the /notifications/ page and its actions.
"""

from django.urls import path

from core.api.notifications import NotificationListApi, NotificationReadApi
from core.views import notifications

api_patterns = [
    path("notifications/", NotificationListApi.as_view(), name="api-notifications"),
    path("notifications/read/", NotificationReadApi.as_view(), name="api-notifications-read"),
]

page_patterns = [
    path("notifications/", notifications.notifications_view, name="notifications"),
    path(
        "notifications/read-all/",
        notifications.notifications_read_all_view,
        name="notifications-read-all",
    ),
    path(
        "notifications/<int:pk>/open/",
        notifications.notification_open_view,
        name="notification-open",
    ),
]

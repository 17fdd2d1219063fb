"""A sandbox of a 非税 payment platform, runnable without Django (`python -m payments.sandbox`).

It behaves as the real platform does, so its failure modes happen on a laptop: the platform
creates an order over a signed HTTP call and sends the payer to a pay page (支付成功 / 支付失败
/ 取消); the outcome reaches the platform as asynchronous, HMAC-SHA256-signed notifications
over HTTP, retried with back-off until answered "success", optionally duplicated, delayed and
delivered out of order (`/control`); the platform may query an order and refund it.
"""

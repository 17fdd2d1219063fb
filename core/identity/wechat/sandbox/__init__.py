"""A sandbox of WeChat's website QR login, runnable without Django
(`python -m core.identity.wechat.sandbox`).

It speaks WeChat Open Platform's protocol, so the platform's one provider talks to it as to the
real WeChat: `/connect/qrconnect` shows a QR code; the "phone" page it encodes lets a sandbox
person confirm or refuse; the browser is sent back to the redirect_uri with `code` and `state`
(a refusal: `state` only); `/sns/oauth2/access_token` exchanges a code, once and before it
expires, with the app secret; `/sns/userinfo` gives the nickname. `/control` switches the
platform down (`{"down": true}`) or shortens the codes' life (`{"code_ttl": 1}`).
"""

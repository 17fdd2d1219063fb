"""WeChat: binding a person's WeChat on the profile page and logging in by scanning a code.

`providers` is the interface to WeChat's website QR login (OAuth2 `qrconnect`), `services` the
binding, the login and the state that ties a round trip to the browser's session, and
`sandbox` a Django-free stand-in for WeChat that `make run` starts (port 8701).
"""

"""Fixtures of tests/core: the sandbox WeChat (tests/core/wechat_sandbox.py)."""

from tests.core.wechat_sandbox import wechat, wechat_server  # noqa: F401 - fixtures

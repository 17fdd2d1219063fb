"""`python -m core.identity.wechat.sandbox --port 8701`: the sandbox WeChat of `make run`."""

import argparse
import os

from core.identity.wechat.sandbox.server import WechatSandbox, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("WECHAT_SANDBOX_HOST", "127.0.0.1"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("WECHAT_SANDBOX_PORT", "8701"))
    )
    parser.add_argument("--appid", default=os.environ.get("WECHAT_APPID", "wxsandbox00000001"))
    parser.add_argument(
        "--secret", default=os.environ.get("WECHAT_SECRET", "sandbox-wechat-secret")
    )
    parser.add_argument("--public-url", default=os.environ.get("WECHAT_SANDBOX_URL", ""))
    parser.add_argument(
        "--callback-domain",
        default="localhost",
        help="the 授权回调域: redirect_uri must be on this host or one below it",
    )
    args = parser.parse_args()
    sandbox = WechatSandbox(
        args.appid,
        args.secret,
        public_url=args.public_url or f"http://localhost:{args.port}",
        callback_domain=args.callback_domain,
    )
    serve(sandbox, args.host, args.port).serve_forever()


if __name__ == "__main__":
    main()

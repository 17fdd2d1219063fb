"""`python -m payments.sandbox --port 8700`: the sandbox payment platform of `make run`."""

import argparse
import os

from payments.sandbox.server import Sandbox, serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("PAYMENT_SANDBOX_HOST", "127.0.0.1"))
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("PAYMENT_SANDBOX_PORT", "8700"))
    )
    parser.add_argument(
        "--secret", default=os.environ.get("PAYMENT_SANDBOX_SECRET", "sandbox-secret")
    )
    parser.add_argument("--public-url", default=os.environ.get("PAYMENT_SANDBOX_URL", ""))
    parser.add_argument("--duplicates", type=int, default=0)
    parser.add_argument("--jitter", type=float, default=0.0)
    args = parser.parse_args()
    public = args.public_url or f"http://localhost:{args.port}"
    sandbox = Sandbox(
        args.secret, public_url=public, duplicates=args.duplicates, jitter=args.jitter
    )
    server = serve(sandbox, args.host, args.port)
    server.serve_forever()


if __name__ == "__main__":
    main()

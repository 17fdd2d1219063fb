"""The sandbox WeChat: a plain WSGI application on the standard library's threaded server.

Everything lives in memory: the QR sessions (one per visit of the QR page, identified by a
random ticket), the codes (random, single-use, `code_ttl` seconds) and the access tokens.
"""

import hashlib
import html
import http.client
import json
import secrets
import socketserver
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import segno

MAX_BODY = 16 * 1024
# The sandbox's people: a WeChat id each (any other id typed on the phone page works too).
PEOPLE = (("alice", "阿丽娅"), ("maimaiti", "买买提"), ("zhangwei", "张伟"), ("guli", "古丽"))
POLL_SCRIPT = b"""(function () {
  var box = document.querySelector("[data-poll]");
  if (!box) return;
  var timer = setInterval(function () {
    fetch(box.getAttribute("data-poll")).then(function (r) { return r.json(); }).then(function (s) {
      if (s.location) { clearInterval(timer); window.location.assign(s.location); }
      else if (s.status === "expired") {
        clearInterval(timer);
        box.textContent = "\\u4e8c\\u7ef4\\u7801\\u5df2\\u8fc7\\u671f";  // expired
      }
    });
  }, 1000);
})();
"""


@dataclass
class Scan:
    """One QR code shown: where to send the browser back, and what the phone answered."""

    redirect_uri: str
    state: str
    created: float
    status: str = "waiting"  # "confirmed", "refused"
    location: str = ""


@dataclass
class Code:
    openid: str
    unionid: str
    nickname: str
    expires: float
    used: bool = False


def openid_of(appid: str, wxid: str) -> str:
    """A person's openid for one application: stable, so bindings outlive restarts."""
    return "o" + hashlib.sha256(f"{appid}:{wxid}".encode()).hexdigest()[:27]


def unionid_of(wxid: str) -> str:
    return "u" + hashlib.sha256(f"union:{wxid}".encode()).hexdigest()[:27]


class WechatSandbox:
    """One registered website application (appid, secret, 授权回调域) and its people."""

    def __init__(
        self,
        appid: str,
        secret: str,
        *,
        public_url: str,
        callback_domain: str = "localhost",
        code_ttl: float = 300.0,
        qr_ttl: float = 300.0,
    ) -> None:
        self.appid, self.secret = appid, secret
        self.public_url = public_url.rstrip("/")
        self.callback_domain = callback_domain.lower()
        self.settings = {"down": False, "code_ttl": code_ttl, "qr_ttl": qr_ttl}
        self.scans: dict[str, Scan] = {}
        self.codes: dict[str, Code] = {}
        self.tokens: dict[str, Code] = {}
        self.lock = threading.Lock()

    # --- the WSGI application ----------------------------------------------------------------

    def __call__(self, environ: dict, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return self._json(start_response, 413, {"errcode": -1, "errmsg": "too large"})
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        parts = [p for p in path.split("/") if p]
        try:
            if parts == ["connect", "qrconnect"] and method == "GET":
                return self._qr_page(start_response, query)
            if parts == ["connect", "poll.js"]:
                return self._send(start_response, 200, "application/javascript", POLL_SCRIPT)
            if len(parts) == 3 and parts[:2] == ["connect", "confirm"]:
                if method == "POST":
                    return self._confirm(start_response, parts[2], body)
                return self._phone_page(start_response, parts[2])
            if len(parts) == 3 and parts[:2] == ["connect", "poll"]:
                return self._poll(start_response, parts[2])
            if parts[:1] == ["sns"]:
                if self.settings["down"]:
                    return self._send(start_response, 503, "text/plain", b"service unavailable")
                if parts == ["sns", "oauth2", "access_token"]:
                    return self._access_token(start_response, query)
                if parts == ["sns", "userinfo"]:
                    return self._userinfo(start_response, query)
            if parts == ["control"]:
                if method == "POST":
                    changes = json.loads(body or b"{}")
                    with self.lock:
                        for key in self.settings.keys() & changes.keys():
                            self.settings[key] = changes[key]
                return self._json(start_response, 200, dict(self.settings))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return self._json(start_response, 400, {"errcode": -1, "errmsg": "bad request"})
        return self._json(start_response, 404, {"errcode": -1, "errmsg": "not found"})

    def _send(self, start_response, status: int, content_type: str, body: bytes):
        start_response(
            f"{status} {http.client.responses.get(status, '')}",
            [
                ("Content-Type", f"{content_type}; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]

    def _json(self, start_response, status: int, data: dict):
        body = json.dumps(data, ensure_ascii=False).encode()
        return self._send(start_response, status, "application/json", body)

    def _error(self, start_response, errcode: int, errmsg: str):
        """WeChat's way of refusing: HTTP 200 with errcode and errmsg."""
        return self._json(start_response, 200, {"errcode": errcode, "errmsg": errmsg})

    def _page(self, start_response, status: int, title: str, content: str):
        page = (
            "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(title)}</title></head><body>"
            f"<h1>{html.escape(title)}</h1>{content}</body></html>"
        )
        return self._send(start_response, status, "text/html", page.encode())

    # --- the browser's pages ------------------------------------------------------------------

    def _callback_allowed(self, redirect_uri: str) -> bool:
        parts = urlsplit(redirect_uri)
        host = (parts.hostname or "").lower()
        return parts.scheme in ("http", "https") and (
            host == self.callback_domain or host.endswith("." + self.callback_domain)
        )

    def _qr_page(self, start_response, query: dict[str, str]):
        title = "微信登录（沙箱）"
        if query.get("appid") != self.appid:
            return self._page(start_response, 400, title, "<p>appid 参数错误</p>")
        if not self._callback_allowed(query.get("redirect_uri", "")):
            return self._page(start_response, 400, title, "<p>redirect_uri 参数错误</p>")
        if query.get("scope") != "snsapi_login" or query.get("response_type") != "code":
            return self._page(start_response, 400, title, "<p>scope 参数错误</p>")
        ticket = secrets.token_urlsafe(16)
        with self.lock:
            self.scans[ticket] = Scan(query["redirect_uri"], query.get("state", ""), time.time())
        phone = f"{self.public_url}/connect/confirm/{ticket}"
        qr = segno.make(phone, error="m").svg_data_uri(scale=6, border=2, xmldecl=False)
        content = (
            f"<p>请使用微信扫描二维码登录</p>"
            f"<p><img src='{qr}' alt='二维码' width='240' height='240'></p>"
            f"<p data-poll='/connect/poll/{ticket}' data-ticket='{ticket}'>"
            f"<a href='{html.escape(phone)}' data-testid='phone'>在本机模拟手机扫码</a></p>"
            "<script src='/connect/poll.js'></script>"
        )
        return self._page(start_response, 200, "微信登录（沙箱）", content)

    def _live_scan(self, ticket: str) -> Scan | None:
        scan = self.scans.get(ticket)
        if scan is None or time.time() - scan.created > float(self.settings["qr_ttl"]):
            return None
        return scan

    def _phone_page(self, start_response, ticket: str):
        scan = self._live_scan(ticket)
        if scan is None or scan.status != "waiting":
            gone = "<p>二维码已失效，请刷新后重新扫描</p>"
            return self._page(start_response, 404, "微信（沙箱）", gone)
        people = "".join(
            f"<p><label><input type='radio' name='wxid' value='{wxid}'"
            f"{' checked' if i == 0 else ''}> {html.escape(name)}（{wxid}）</label></p>"
            for i, (wxid, name) in enumerate(PEOPLE)
        )
        content = (
            "<p>新疆专业技术人员职称管理平台 申请使用你的微信身份登录</p>"
            "<form method='post'><fieldset><legend>以谁的身份扫码</legend>"
            f"{people}<p><label>或输入微信号 <input name='other' maxlength='32'></label></p>"
            "</fieldset>"
            "<button name='outcome' value='confirm'>确认登录</button> "
            "<button name='outcome' value='refuse'>拒绝</button></form>"
        )
        return self._page(start_response, 200, "微信（沙箱）", content)

    def _confirm(self, start_response, ticket: str, body: bytes):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        wxid = (form.get("other") or "").strip() or form.get("wxid", "")
        outcome = form.get("outcome")
        with self.lock:
            scan = self._live_scan(ticket)
            if scan is None or scan.status != "waiting" or outcome not in ("confirm", "refuse"):
                return self._page(start_response, 400, "微信（沙箱）", "<p>请求无效</p>")
            params = {"state": scan.state}
            if outcome == "confirm":
                if not wxid or len(wxid) > 32:
                    return self._page(start_response, 400, "微信（沙箱）", "<p>请选择身份</p>")
                code = secrets.token_urlsafe(24)
                names = dict(PEOPLE)
                self.codes[code] = Code(
                    openid=openid_of(self.appid, wxid),
                    unionid=unionid_of(wxid),
                    nickname=names.get(wxid, wxid),
                    expires=time.time() + float(self.settings["code_ttl"]),
                )
                params = {"code": code, **params}
            separator = "&" if "?" in scan.redirect_uri else "?"
            scan.status = "confirmed" if outcome == "confirm" else "refused"
            scan.location = f"{scan.redirect_uri}{separator}{urlencode(params)}"
        start_response("303 See Other", [("Location", scan.location), ("Content-Length", "0")])
        return [b""]

    def _poll(self, start_response, ticket: str):
        scan = self._live_scan(ticket)
        if scan is None:
            return self._json(start_response, 200, {"status": "expired"})
        return self._json(start_response, 200, {"status": scan.status, "location": scan.location})

    # --- the server-to-server API -------------------------------------------------------------

    def _access_token(self, start_response, query: dict[str, str]):
        if query.get("appid") != self.appid:
            return self._error(start_response, 40013, "invalid appid")
        if not secrets.compare_digest(query.get("secret", ""), self.secret):
            return self._error(start_response, 40125, "invalid appsecret")
        if query.get("grant_type") != "authorization_code":
            return self._error(start_response, 40002, "invalid grant_type")
        with self.lock:
            code = self.codes.get(query.get("code", ""))
            if code is None:
                return self._error(start_response, 40029, "invalid code")
            if code.used:
                return self._error(start_response, 40163, "code been used")
            code.used = True
            if time.time() > code.expires:
                return self._error(start_response, 42003, "code expired")
            token = secrets.token_urlsafe(24)
            self.tokens[token] = code
        return self._json(
            start_response,
            200,
            {
                "access_token": token,
                "expires_in": 7200,
                "refresh_token": secrets.token_urlsafe(24),
                "openid": code.openid,
                "scope": "snsapi_login",
                "unionid": code.unionid,
            },
        )

    def _userinfo(self, start_response, query: dict[str, str]):
        code = self.tokens.get(query.get("access_token", ""))
        if code is None or code.openid != query.get("openid"):
            return self._error(start_response, 40001, "invalid token")
        return self._json(
            start_response,
            200,
            {"openid": code.openid, "nickname": code.nickname, "unionid": code.unionid},
        )


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        return


def serve(sandbox: WechatSandbox, host: str, port: int) -> WSGIServer:
    """A threaded server for `sandbox`; call serve_forever() (or run it in a thread)."""
    return make_server(
        host, port, sandbox, server_class=_ThreadingServer, handler_class=_QuietHandler
    )

"""The OpenAPI schema says what every operation may answer besides success: the error contract
of core.api.errors (API.md), so a client — and schemathesis in the tests — can rely on it."""

from typing import Any
from urllib.parse import urlsplit

from csp.decorators import csp_update
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.request import Request
from rest_framework.response import Response

ERROR_DETAIL = {
    "type": "object",
    "description": "An error the request cannot change by itself: what happened, and a code.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail", "code"],
}
# 400: field → messages (a serializer's errors), or `detail`/`code` when the request could not
# be read at all (malformed JSON, a NUL, nesting too deep).
VALIDATION_ERRORS = {
    "type": "object",
    "description": "Field name → messages, or `detail` and `code` for a request not readable.",
    "additionalProperties": {},
}

ANSWERS: dict[str, tuple[str, str]] = {
    "400": ("ValidationErrors", "请求有误：各字段的错误，或无法读取的请求。"),
    "401": ("ErrorDetail", "未登录，或令牌无效、已过期。"),
    "403": ("ErrorDetail", "无权执行此操作。"),
    "404": ("ErrorDetail", "未找到（或不属于当前用户与地区）。"),
    "409": ("ErrorDetail", "与当前状态冲突。"),
    "413": ("ErrorDetail", "上传内容过大。"),
    "415": ("ErrorDetail", "不支持的请求内容类型。"),
    "429": ("ErrorDetail", "尝试过于频繁，或账号已锁定。"),
}
# Only operations that read a request body can answer these; only writes conflict.
BODY_ONLY = {"413", "415"}
WRITE_ONLY = {"409"}


def add_error_responses(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular post-processing hook: every operation documents the contract's errors
    (those it does not document itself), in JSON."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDetail", ERROR_DETAIL)
    schemas.setdefault("ValidationErrors", VALIDATION_ERRORS)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status, (component, description) in ANSWERS.items():
                if status in BODY_ONLY and "requestBody" not in operation:
                    continue
                if status in WRITE_ONLY and method == "get":
                    continue
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{component}"}
                            }
                        },
                    },
                )
    return result


class HostSchemaView(SpectacularAPIView):
    """`/api/schema/` of the host asked: the public site's routes on the public site, a
    region's on a region's host (drf-spectacular's view would describe ROOT_URLCONF on both)."""

    @extend_schema(exclude=True)  # as SERVE_INCLUDE_SCHEMA=False says of drf-spectacular's own
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.urlconf = getattr(request, "urlconf", None) or self.urlconf
        return super().get(request, *args, **kwargs)


def swagger_docs_view():
    """`/api/docs/`: Swagger UI with its start-up script served as a file of this origin (the
    CSP allows no inline script); the UI itself comes from drf-spectacular's CDN, the one
    origin this page may load from."""
    dist = urlsplit(spectacular_settings.SWAGGER_UI_DIST)
    cdn = f"{dist.scheme}://{dist.netloc}"
    allowed = {"script-src": [cdn], "style-src": [cdn], "img-src": [cdn]}
    return csp_update(allowed)(SpectacularSwaggerSplitView.as_view(url_name="api-schema"))

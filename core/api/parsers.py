"""The API's JSON parser: DRF's, refusing what the database or the code after it cannot take."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# Deeper than any form or payload of ours; far below the interpreter's recursion limit, so
# validating, storing and rendering the data never run out of stack.
MAX_DEPTH = 32

BAD_CHARACTERS = _("请求内容包含不允许的字符（空字符或不成对的代理字符）。")
TOO_DEEP = _("请求内容嵌套层级过深。")


def json_problem(data: object) -> str | None:
    """Why parsed JSON cannot be accepted (NUL, a lone surrogate such as \\ud800, or nesting
    deeper than MAX_DEPTH), or None. Walks without recursion."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not text_is_clean(value):
                return str(BAD_CHARACTERS)
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                return str(TOO_DEEP)
            if isinstance(value, dict):
                stack.extend((key, depth + 1) for key in value)
                stack.extend((item, depth + 1) for item in value.values())
            else:
                stack.extend((item, depth + 1) for item in value)
    return None


def text_is_clean(text: str) -> bool:
    """No NUL (PostgreSQL refuses it in text) and no lone surrogate (not encodable)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class StrictJSONParser(JSONParser):
    """JSON as DRF parses it, answering 400 instead of failing later on NUL characters, lone
    surrogates and deeply nested values (which overflowed the stack: a 500)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        problem = json_problem(data)
        if problem is not None:
            raise ParseError(problem)
        return data

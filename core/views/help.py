"""帮助: the frequently asked questions (core/wayfinding/help.py), with an index and a
search, on the public site and on every region's host."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.files.blobs import upload_limit_text
from core.wayfinding.help import faq_answered, faq_search
from tenants.crossing import current_region_code

# Longer searches are cut, not refused: nobody types a question this long.
MAX_QUERY_CHARS = 100


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_CHARS]
    questions = faq_answered({"limit": upload_limit_text(current_region_code())})
    return render(
        request,
        "core/help.html",
        {
            "questions": questions,
            "found": faq_search(questions, query),
            "query": query,
        },
    )

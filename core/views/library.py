"""The 附件库 page: a plain multipart form, the list with thumbnails, delete buttons."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.files.blobs import (
    BlobInUseError,
    UploadTooLargeError,
    blob_delete_from_library,
    blob_open_for,
    blob_response,
    blob_store,
    human_size,
    library_item_get,
    library_items,
    upload_limit_for,
)

PAGE_SIZE = 50


class LibraryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("选择文件"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def library_view(request: HttpRequest) -> HttpResponse:
    region_code = request.tenant.schema_name
    form = LibraryUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                item = blob_store(
                    owner=request.user, upload=form.cleaned_data["file"], region_code=region_code
                )
            except UploadTooLargeError as exc:
                form.add_error("file", exc.message)
                status = 413
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, gettext("已上传：%(name)s") % {"name": item.name})
                return redirect("library")

    page = Paginator(library_items(owner=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/library.html",
        {"form": form, "page_obj": page, "limit": human_size(upload_limit_for(region_code))},
        status=status,
    )


@login_required
@require_POST
def library_delete_view(request: HttpRequest, sha256: str) -> HttpResponse:
    item = library_item_get(owner=request.user, sha256=sha256)
    try:
        blob_delete_from_library(owner=request.user, blob=item.blob)
    except BlobInUseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, gettext("已从附件库删除：%(name)s") % {"name": item.name})
    return redirect("library")


@login_required
@require_GET
def library_file_view(request: HttpRequest, sha256: str) -> HttpResponseBase:
    blob, name = blob_open_for(user=request.user, sha256=sha256)
    return blob_response(request, blob, filename=name)


@login_required
@require_GET
def library_thumbnail_view(request: HttpRequest, sha256: str) -> HttpResponseBase:
    blob, name = blob_open_for(user=request.user, sha256=sha256)
    return blob_response(request, blob, filename=name, thumbnail=True)

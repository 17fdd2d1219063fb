"""Breadcrumbs: where a page sits below its host's home
(首页 › 我的申请书 › RSSQ00001234 › 学历信息).

One mechanism for every page: `PAGES` names each page route's label, and a page's parents are
the shorter paths of its own address that are pages too (/applications/<number>/ sits below
/applications/), so a new page needs one row here and nothing in its template. A view feeds
what only it knows through its context: `crumb_title` (the current page's label, e.g. a
meeting's name) and `crumb_tail` (labels below it, e.g. the section being edited). A parent
meant for other roles (我的申请书 when a reviewer opens an application) is left out rather than
linked to a page that would answer 404.

`tests/core/test_breadcrumbs.py` fails on any route of either URL conf that is neither in
`PAGES` nor in `NOT_PAGES` (files, PDFs, POST-only actions, redirects, the API).
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.access import REVIEWER_ROLES
from core.models import Role

APPLICANT = frozenset({Role.APPLICANT})
COMMITTEE = frozenset({Role.COMMITTEE_STAFF})
REGION_ADMIN = frozenset({Role.REGION_ADMIN})
CENTRAL = frozenset({Role.CENTRAL_OFFICE})


@dataclass(frozen=True)
class Page:
    label: Promise | str = ""
    # A URL argument whose value is the label (an application's number).
    label_from: str = ""
    # Shown as a parent only to these roles (None: to everyone who reaches the page below).
    roles: Collection[str] | None = None


@dataclass(frozen=True)
class Crumb:
    label: str
    # Empty for the page being shown (read as aria-current="page").
    url: str = ""


PAGES: dict[str, Page] = {
    # a region's pages for everyone
    "committees": Page(_("评审委员会目录")),
    "offerings": Page(_("申报项目")),
    "notice": Page(_("通知公告")),
    "publicity": Page(_("评审结果公示")),
    "approval-lookup": Page(_("批文查询")),
    "help": Page(_("帮助")),
    # the applicant
    "my-applications": Page(_("我的申请书"), roles=APPLICANT),
    "application-new": Page(_("新增申请书")),
    "application-edit": Page(label_from="number"),
    "application-requalify": Page(_("更改资格")),
    "application-flow-report": Page(_("流程问题反馈")),
    "application-result": Page(_("评审结果查询")),
    "payment-return": Page(_("缴费结果")),
    # reviewers
    "review-queue": Page(_("申请书管理"), roles=REVIEWER_ROLES),
    "review-query": Page(_("申请书查询")),
    "review-page": Page(label_from="number"),
    "print-batches": Page(_("批量打印评审表"), roles=COMMITTEE),
    "print-batch": Page(_("打印批次")),
    "committee-payments": Page(_("缴费与纸质材料"), roles=COMMITTEE),
    "committee-offering-payments": Page(_("申报项目")),
    "committee-payment": Page(label_from="number"),
    "committee-paper-scan": Page(_("纸质材料签收")),
    "results-home": Page(_("评审结果管理"), roles=COMMITTEE),
    "results-meetings": Page(_("评审会议"), roles=COMMITTEE),
    "results-meeting": Page(_("会议评审")),
    "results-publicities": Page(_("公示"), roles=COMMITTEE),
    "results-publicity": Page(_("评审结果公示")),
    "results-approvals": Page(_("批文"), roles=COMMITTEE),
    "results-approval": Page(_("批文")),
    "results-certificates": Page(_("证书")),
    "results-organization": Page(_("评审结果")),
    # the region admin
    "region-admin": Page(_("地区管理"), roles=REGION_ADMIN),
    "region-admin-flow-reports": Page(_("流程问题反馈"), roles=REGION_ADMIN),
    "region-admin-flow-report": Page(_("答复流程问题反馈")),
    "region-admin-authority-new": Page(_("新增主管单位")),
    "region-admin-authority": Page(_("编辑主管单位")),
    "region-admin-reviewers": Page(_("审核人员")),
    "region-admin-unit-changes": Page(_("单位名称变更申请")),
    "region-admin-applications": Page(_("申请书查询")),
    "region-admin-statistics": Page(_("职称评审统计")),
    "region-admin-export": Page(_("导出")),
    "region-appeals": Page(_("账号申诉审核"), roles=REGION_ADMIN),
    "region-appeal": Page(_("账号申诉")),
    "setup": Page(_("评审设置"), roles=REGION_ADMIN),
    "setup-committee-new": Page(_("评审委员会")),
    "setup-committee": Page(_("评审委员会")),
    "setup-offering-new": Page(_("申报项目")),
    "setup-offering": Page(_("申报项目")),
    "setup-notice-new": Page(_("发布通知公告")),
    "setup-notice": Page(_("编辑通知公告")),
    # the central office
    "central-dashboard": Page(_("职称评审统计")),
    "central-applications": Page(_("申请书查询")),
    "central-audit": Page(_("审计日志")),
    "central-export": Page(_("导出")),
    "central-catalog": Page(_("职称目录"), roles=CENTRAL),
    "central-qualification": Page(_("修改资格名称")),
    "central-qualification-new": Page(_("新增资格")),
    "central-forms": Page(_("申请书表单"), roles=CENTRAL),
    "central-form": Page(_("申请书表单")),
    "central-form-publish": Page(_("发布新版本")),
    "central-conditions": Page(_("任职资格条件"), roles=CENTRAL),
    "central-condition": Page(_("编辑任职资格条件")),
    # everyone's own
    "profile": Page(_("个人资料")),
    "my-unit": Page(_("单位信息"), roles=frozenset({Role.UNIT_ADMIN})),
    "my-unit-change": Page(_("变更单位名称")),
    "library": Page(_("附件库")),
    "notifications": Page(_("通知")),
    # accounts
    "login": Page(_("登录")),
    "register": Page(_("注册")),
    "register-applicant": Page(_("申请人注册")),
    "register-unit": Page(_("单位注册")),
    "recover": Page(_("找回用户名或密码")),
    "recover-email": Page(_("邮箱找回密码")),
    "recover-sms": Page(_("短信找回密码")),
    "recover-sms-verify": Page(_("输入验证码")),
    "recover-username": Page(_("找回用户名")),
    "password-reset-confirm": Page(_("设置新密码")),
    "appeal": Page(_("账号申诉")),
    "appeal-person": Page(_("个人账号申诉")),
    "appeal-unit": Page(_("单位账号申诉")),
    # the public site
    "verify": Page(_("核验打印件")),
    "verify-document": Page(label_from="number"),
    "certificate-verify": Page(_("证书核验")),
}

# Routes that are no page of their own: files and PDFs, POST-only actions that redirect,
# redirects, health checks, the home pages themselves.
NOT_PAGES = frozenset(
    {
        "home",
        "healthz",
        "readyz",
        "logout",
        "handoff",
        "switch-region",
        "set_language",
        "api-schema",
        "api-docs",
        "notice-file",
        "review-comment",
        "review-action",
        "review-id-scan",
        "review-file",
        "application-attach",
        "application-detach",
        "application-transition",
        "application-delete",
        "application-pay",
        "application-certificate",
        "setup-offering-close",
        "region-admin-authority-toggle",
        "region-admin-unit-change-decide",
        "region-admin-exports",
        "region-admin-export-file",
        "region-appeal-scan",
        "print-review-form",
        "print-material-bag",
        "print-batch-file",
        "payment-receipt",
        "payment-notify",
        "committee-reconciliation-csv",
        "results-meeting-votes",
        "results-meeting-remove",
        "results-meeting-close",
        "results-objection",
        "results-approval-pdf",
        "results-certificate-revoke",
        "publicity-objection",
        "library-delete",
        "library-file",
        "library-thumbnail",
        "notifications-read-all",
        "notification-open",
        "central-catalog-toggle",
        "central-exports",
        "central-export-file",
        "verify-original",
        "wechat-login",
        "wechat-callback",
    }
)


def _label(page: Page, kwargs: Mapping[str, object]) -> str:
    if page.label_from:
        return str(kwargs.get(page.label_from, ""))
    return str(page.label)


def _parents(path: str, role: str | None) -> list[Crumb]:
    """The shorter paths of `path` that are pages for this role, outermost first."""
    segments = [s for s in path.split("/") if s]
    found: list[Crumb] = []
    for end in range(len(segments) - 1, 0, -1):
        prefix = "/" + "/".join(segments[:end]) + "/"
        try:
            match = resolve(prefix)
        except Resolver404:
            continue
        page = PAGES.get(match.url_name or "")
        if page is None or (page.roles is not None and role not in page.roles):
            continue
        found.insert(0, Crumb(_label(page, match.kwargs), prefix))
    return found


def breadcrumbs(
    request: HttpRequest, *, title: str | None = None, tail: Iterable[str] = ()
) -> list[Crumb]:
    """The trail to the page being answered: 首页, its parents, the page (labelled `title` when
    the view gives one), then `tail`; empty on a home page and on what is no page."""
    match = getattr(request, "resolver_match", None)
    page = PAGES.get(match.url_name or "") if match else None
    if page is None:
        return []
    user = getattr(request, "user", None)
    role = getattr(user, "role", None) if user is not None and user.is_authenticated else None
    tail = [str(label) for label in tail if label]
    here = Crumb(str(title) if title else _label(page, match.kwargs), request.path if tail else "")
    crumbs = [Crumb(gettext("首页"), "/"), *_parents(request.path, role), here]
    return crumbs + [Crumb(label) for label in tail]

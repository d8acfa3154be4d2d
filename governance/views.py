"""Pages of the Regulation: the version in force, its history, a new version, the document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from core.docx import DOCX_CONTENT_TYPE
from governance import access, wording
from governance.documents import regulation_document, regulation_filename
from governance.forms import RegulationVersionForm
from governance.models import RegulationVersion
from governance.regulation import EDUCATION_FIELDS, ExperienceKind, parse_regulation
from governance.selectors import regulation_version_in_force
from registry.models import PositionKind

# What each top-level parameter is called, for the list of changes between versions.
PARAMETER_LABELS = {
    "reserve_term_years": "срок пребывания в резерве",
    "extension_term_years": "срок продления",
    "max_extensions": "число продлений",
    "categories": "категории резерва",
    "readiness_levels": "уровни готовности",
    "required_documents": "обязательные документы",
    "exclusion_grounds": "основания исключения",
    "reporting_dates": "даты отчётности",
    "eligibility": "квалификационные требования",
    "assessment_weights": "веса инструментов оценки",
    "pass_threshold": "проходной балл",
    "max_offer_refusals": "отказы от предложенных должностей",
    "commission_quorum_percent": "кворум комиссии",
    "mentoring_hours_per_year": "норма наставничества",
}


def _viewable(request: HttpRequest) -> None:
    if not access.can_view_regulation(request.user):
        raise Http404


def _version_context(version: RegulationVersion) -> dict:
    regulation = parse_regulation(version.parameters)
    codes = {code for rule in regulation.eligibility for code in rule.position_kinds}
    positions = dict(PositionKind.objects.filter(code__in=codes).values_list("code", "name"))
    rules = [
        {
            "title": rule.title,
            "positions": [positions.get(code, code) for code in rule.position_kinds],
            "routes": [
                {
                    "title": route.title,
                    "conditions": wording.route_conditions(route),
                    "years": wording.years(route.min_experience_years),
                    "experience": " или ".join(
                        ExperienceKind.LABELS[kind] for kind in route.experience_kinds
                    ),
                    "education": [EDUCATION_FIELDS.get(f, f) for f in route.education_fields],
                    "dpo": [EDUCATION_FIELDS.get(f, f) for f in route.dpo_fields],
                    "dpo_hours": route.dpo_min_hours,
                }
                for route in rule.routes
            ],
        }
        for rule in regulation.eligibility
    ]
    previous = (
        RegulationVersion.objects.filter(number__lt=version.number).order_by("-number").first()
    )
    changed = []
    if previous is not None:
        changed = [
            PARAMETER_LABELS.get(key, key)
            for key in version.parameters
            if previous.parameters.get(key) != version.parameters.get(key)
        ]
    return {
        "version": version,
        "regulation": regulation,
        "term": wording.term_sentence(regulation),
        "documents": wording.document_names(regulation.required_documents),
        "reporting": [
            wording.day_month(month, day) for month, day in sorted(regulation.reporting_dates)
        ],
        "rules": rules,
        "weights": [
            (wording.weight_label(code).capitalize(), weight)
            for code, weight in wording.ordered_weights(regulation.assessment_weights)
        ],
        "refusals": wording.times(regulation.max_offer_refusals),
        "previous": previous,
        "changed": changed,
    }


@login_required
def regulation_detail(request: HttpRequest) -> HttpResponse:
    """Show the version of the Regulation in force."""
    _viewable(request)
    context = _version_context(regulation_version_in_force())
    context["can_change"] = access.can_change_regulation(request.user)
    return render(request, "governance/regulation_detail.html", context)


@login_required
def version_detail(request: HttpRequest, number: int) -> HttpResponse:
    """Show one version from the history."""
    versions = access.regulation_versions_visible_to(request.user)
    version = get_object_or_404(versions.select_related("author"), number=number)
    if version.in_force:
        return redirect("governance:regulation")
    context = _version_context(version)
    context["can_change"] = False
    return render(request, "governance/regulation_detail.html", context)


@login_required
def version_list(request: HttpRequest) -> HttpResponse:
    """List every version of the Regulation, newest first."""
    _viewable(request)
    versions = (
        access.regulation_versions_visible_to(request.user)
        .select_related("author")
        .order_by("-number")
    )
    return render(
        request,
        "governance/version_list.html",
        {"versions": versions, "can_change": access.can_change_regulation(request.user)},
    )


@login_required
def version_create(request: HttpRequest) -> HttpResponse:
    """Make a new version of the Regulation from the version in force."""
    if not access.can_change_regulation(request.user):
        raise Http404
    current = regulation_version_in_force()
    if request.method == "POST":
        form = RegulationVersionForm(request.POST, version=current)
        if form.is_valid():
            version = form.save(author=request.user, request=request)
            if version is not None:
                messages.success(request, f"Вступила в силу редакция № {version.number} Положения.")
                return redirect("governance:regulation")
    else:
        form = RegulationVersionForm(version=current)
    return render(
        request,
        "governance/version_form.html",
        {"form": form, "current": current},
        status=400 if form.is_bound else 200,
    )


def _document(version: RegulationVersion) -> HttpResponse:
    response = HttpResponse(regulation_document(version), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{regulation_filename(version)}"'
    return response


@login_required
def version_document(request: HttpRequest, number: int) -> HttpResponse:
    """Serve the Regulation document of a version as .docx."""
    versions = access.regulation_versions_visible_to(request.user)
    return _document(get_object_or_404(versions, number=number))


@login_required
def document_in_force(request: HttpRequest) -> HttpResponse:
    """Serve the Regulation document of the version in force."""
    _viewable(request)
    return _document(regulation_version_in_force())

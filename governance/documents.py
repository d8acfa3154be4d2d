"""The Regulation document (.docx): the template in force filled from one version's parameters."""

from governance import wording
from governance.models import ConsentPurpose, ConsentText, RegulationVersion
from governance.regulation import TIE_RULES, Regulation, parse_regulation
from registry.models import PositionKind

SUBTITLE = (
    "о системе работы с кадровым резервом руководителей образовательных организаций "
    "Оренбургской области"
)
TITLE = f"Положение {SUBTITLE}"
BLANK_APPROVAL = "от «___» __________ 20__ г. № _____"

LEGAL_BASIS = [
    "Трудовым кодексом Российской Федерации, в том числе статьями 331 и 351.1",
    "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», в "
    "том числе частью 4 статьи 51",
    "Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных»",
    "Единым квалификационным справочником должностей руководителей, специалистов и служащих, "
    "раздел «Квалификационные характеристики должностей работников образования», утверждённым "
    "приказом Министерства здравоохранения и социального развития Российской Федерации от "
    "26.08.2010 № 761н (далее — приказ № 761н)",
    "профессиональным стандартом «Руководитель образовательной организации (управление "
    "дошкольной образовательной организацией и общеобразовательной организацией)», "
    "утверждённым приказом Министерства труда и социальной защиты Российской Федерации от "
    "19.04.2021 № 250н (далее — приказ № 250н)",
    "номенклатурой должностей педагогических работников организаций, осуществляющих "
    "образовательную деятельность, должностей руководителей образовательных организаций, "
    "утверждённой постановлением Правительства Российской Федерации от 21.02.2022 № 225",
    "приказом министерства образования Оренбургской области от 08.09.2023 № 01-21/1458 «Об "
    "утверждении Порядка формирования кадрового резерва руководителей системы образования "
    "Оренбургской области»",
]


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:] if value[1:2].islower() else value


def _position_names(regulation: Regulation) -> dict[str, str]:
    codes = {code for rule in regulation.eligibility for code in rule.position_kinds}
    return dict(PositionKind.objects.filter(code__in=codes).values_list("code", "name"))


def _category_rule(regulation: Regulation) -> str:
    parts = []
    for category in regulation.categories:
        allowed = regulation.readiness_allowed(category.code)
        names = ", ".join(f"«{level.name}»" for level in allowed)
        parts.append(f"категория «{category.name}» устанавливается при уровне готовности {names}")
    longest = max((level.years for level in regulation.readiness_levels), default=0)
    return (
        "Категория резерва и уровень готовности должны соответствовать друг другу: "
        + "; ".join(parts)
        + ". Уровень готовности не может превышать срок пребывания в резерве"
        + (f" (наибольший — {wording.years(longest)})." if longest else ".")
    )


def regulation_context(
    regulation: Regulation,
    *,
    number: int,
    effective_from: str,
    approval: str,
    positions: dict[str, str],
    consent_text: str,
) -> dict:
    """Return every field of the Положение's template for one version of the Regulation."""
    groups = []
    for letter, rule in zip("абвгдежзиклмнопрстуфхцчшщэюя", regulation.eligibility, strict=False):
        names = [_lower_first(positions.get(code, code)) for code in rule.position_kinds]
        groups.append(
            {
                "letter": letter,
                "title": rule.title,
                "positions": ", ".join(f"«{name}»" for name in names),
                "routes": [
                    {
                        "number": index,
                        "act": wording.act_name(route.act),
                        "conditions": "; ".join(wording.route_conditions(route)),
                    }
                    for index, route in enumerate(rule.routes, start=1)
                ],
            }
        )
    return {
        "approval": approval,
        "subtitle": SUBTITLE,
        "version": {"number": number, "effective_from": effective_from},
        "legal_basis": LEGAL_BASIS,
        "regional_order_relation": regulation.regional_order_relation,
        "positions": [
            _lower_first(positions.get(code, code))
            for rule in regulation.eligibility
            for code in rule.position_kinds
        ],
        "municipal_approval": regulation.municipal_approval,
        "documents": [
            _lower_first(name) for name in wording.document_names(regulation.required_documents)
        ],
        "reapply_months": wording.months(regulation.reapply_months),
        "requirement_groups": groups,
        "retraining_note": (
            "Объём программы профессиональной переподготовки — не менее "
            f"{wording.hours(regulation.retraining_min_hours)} ({regulation.retraining_source})."
        ),
        "weights": [
            {"name": wording.weight_label(code), "value": weight}
            for code, weight in wording.ordered_weights(regulation.assessment_weights)
            if weight
        ],
        "pass_threshold": regulation.pass_threshold,
        "quorum": wording.quorum_sentence(regulation.commission_quorum_percent),
        "tie_rule": TIE_RULES.get(regulation.commission_tie_rule, ""),
        "term": wording.term_sentence(regulation),
        "categories": [
            {"name": choice.name, "description": choice.description}
            for choice in regulation.categories
        ],
        "readiness_levels": [choice.name for choice in regulation.readiness_levels],
        "category_rule": _category_rule(regulation),
        "change_report_days": wording.days(regulation.change_report_days, "working"),
        "mentoring_norm": wording.hours(regulation.mentoring_hours_per_year),
        "reporting": wording.reporting_sentence(regulation),
        "refusals": wording.times_and_more(regulation.max_offer_refusals),
        "exclusion_grounds": [choice.name for choice in regulation.exclusion_grounds],
        "appeal_days": wording.days(regulation.appeal_days, "working"),
        "appeal_review_days": wording.days(regulation.appeal_review_days, "working"),
        "consent_text": consent_text,
    }


def regulation_document(version: RegulationVersion) -> bytes:
    """Return the Regulation of the version as a .docx file."""
    from governance.document_templates.store import render_document

    regulation = parse_regulation(version.parameters)
    order = version.approval_order
    consent = (
        ConsentText.objects.filter(purpose=ConsentPurpose.PERSONAL_DATA, in_force=True)
        .values_list("text", flat=True)
        .first()
    )
    context = regulation_context(
        regulation,
        number=version.number,
        effective_from=f"{version.effective_from:%d.%m.%Y}",
        approval=order.reference if order else BLANK_APPROVAL,
        positions=_position_names(regulation),
        consent_text=consent or "",
    )
    return render_document("regulation", context)


def regulation_filename(version: RegulationVersion) -> str:
    """Return the download name of the version's document."""
    return f"polozhenie-kadrovy-rezerv-red-{version.number}.docx"

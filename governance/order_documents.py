"""The ministry's orders that approve a document: the Положение and the development programme."""

from governance.document_templates.store import render_document
from governance.models import Order, OrderKind, RegulationVersion

MINISTRY = "Министерство образования Оренбургской области"
CITY = "г. Оренбург"
REGULATION_TITLE = (
    "Положение о системе работы с кадровым резервом руководителей образовательных организаций "
    "Оренбургской области"
)
PROGRAMME_TITLE = (
    "комплексную программу личностно-профессионального развития и карьерного роста лиц, "
    "включённых в кадровый резерв руководителей образовательных организаций Оренбургской "
    "области"
)
BASIS = (
    "В соответствии с частью 4 статьи 51 Федерального закона от 29.12.2012 № 273-ФЗ «Об "
    "образовании в Российской Федерации», приказом министерства образования Оренбургской "
    "области от 08.09.2023 № 01-21/1458 «Об утверждении Порядка формирования кадрового резерва "
    "руководителей системы образования Оренбургской области»"
)
CONTROL = "Контроль за исполнением настоящего приказа оставляю за собой."
RECOMMEND = (
    "Рекомендовать органам местного самоуправления, осуществляющим управление в сфере "
    "образования, руководствоваться {what} при работе с кадровым резервом."
)


def _points(order: Order, version: RegulationVersion | None) -> list[str]:
    if order.kind == OrderKind.REGULATION:
        number = f" (редакция № {version.number})" if version else ""
        points = [
            f"Утвердить прилагаемое {REGULATION_TITLE}{number}.",
            RECOMMEND.format(what="настоящим Положением"),
        ]
        previous = (
            RegulationVersion.objects.filter(
                number__lt=version.number, approval_order__isnull=False
            )
            .select_related("approval_order")
            .order_by("-number")
            .first()
            if version
            else None
        )
        if previous is not None:
            points.append(
                "Признать утратившим силу приказ министерства образования Оренбургской области "
                f"{previous.approval_order.reference} «{previous.approval_order.title}»."
            )
        return [*points, CONTROL]
    return [
        f"Утвердить прилагаемую {PROGRAMME_TITLE}.",
        "Отделу кадровой политики министерства обеспечить реализацию программы.",
        RECOMMEND.format(what="программой"),
        CONTROL,
    ]


def approval_order_document(order: Order) -> bytes:
    """Return the order approving the Положение or the programme, from its template."""
    version = RegulationVersion.objects.filter(approval_order=order).first()
    context = {
        "ministry": MINISTRY,
        "city": CITY,
        "order": {"number": order.number, "date": f"{order.date:%d.%m.%Y}", "title": order.title},
        "preamble": BASIS,
        "points": [
            {"number": number, "text": text}
            for number, text in enumerate(_points(order, version), start=1)
        ],
        "signatory": {
            "post": order.signatory_post,
            "name": order.signatory_name.replace(" ", "\u00a0"),
        },
        "distribution": [
            "отдел кадровой политики министерства",
            "органы местного самоуправления, осуществляющие управление в сфере образования",
        ],
    }
    return render_document("order_plain", context)


def default_title(kind: str) -> str:
    """Return the title an approval order gets unless staff write another."""
    if kind == OrderKind.REGULATION:
        return f"Об утверждении {REGULATION_TITLE.replace('Положение', 'Положения', 1)}"
    return (
        "Об утверждении комплексной программы личностно-профессионального развития и "
        "карьерного роста лиц, включённых в кадровый резерв"
    )

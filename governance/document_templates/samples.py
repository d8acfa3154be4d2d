"""Sample contexts of every template: what an upload is rendered with before it is accepted.

Each context has exactly the fields the portal passes when it renders the real document, so a
template that renders with its sample renders with real data too (tests check both sides).
"""

MINISTRY = "Министерство образования Оренбургской области"
CITY = "г. Оренбург"


def _order(kind_title: str) -> dict:
    return {
        "ministry": MINISTRY,
        "city": CITY,
        "order": {"number": "01-21/1547", "date": "15.09.2026", "title": kind_title},
        "preamble": (
            "В соответствии с Положением о системе работы с кадровым резервом руководителей "
            "образовательных организаций Оренбургской области, на основании решения комиссии "
            "(протокол от 08.09.2026 № КР-3/2026)"
        ),
        "points": [
            {"number": 1, "text": "Включить в кадровый резерв лиц согласно приложению."},
            {"number": 2, "text": "Контроль за исполнением настоящего приказа оставляю за собой."},
        ],
        "signatory": {"post": "Министр", "name": "Иванова\u00a0А.\u00a0П."},
        "distribution": ["отдел кадровой политики", "органы местного самоуправления"],
    }


def _person_row(**extra) -> dict:
    return {
        "number": 1,
        "name": "Прохорова Наталья Игоревна",
        "workplace": "МОБУ «СОШ № 5», заместитель директора по учебно-воспитательной работе",
        "position_kind": "Директор общеобразовательной организации",
        **extra,
    }


def protocol() -> dict:
    return {
        "ministry": MINISTRY,
        "city": CITY,
        "commission_genitive": "комиссии министерства образования Оренбургской области по "
        "формированию кадрового резерва",
        "protocol": {
            "number": "КР-3/2026",
            "date": "08.09.2026",
            "time": "15:00",
            "place": "г. Оренбург, ул. Володарского, д. 11, зал заседаний",
            "drawn_up": "08.09.2026",
        },
        "present": [
            {"name": "Кузнецова Е. В.", "role": "председатель комиссии", "position": ", министр"}
        ],
        "quorum": "Присутствуют 5 из 5 членов комиссии. Кворум имеется.",
        "invited": ["Петров И. И., начальник управления образования администрации г. Орска"],
        "items": [
            {
                "number": 1,
                "question": "О включении в кадровый резерв Прохоровой Натальи Игоревны.",
                "speaker": "Абрамову С. И., секретаря комиссии",
                "report": "которая доложила о результатах комплексной оценки кандидата.",
                "votes_line": "«за» — 4, «против» — 0, «воздержались» — 1.",
                "votes": [{"name": "Кузнецова Е. В.", "choice": "за"}],
                "tie_note": "",
                "resolution": "Включить Прохорову Наталью Игоревну в кадровый резерв.",
            }
        ],
        "presiding": {"post": "Председатель комиссии", "name": "Кузнецова\u00a0Е.\u00a0В."},
        "secretary_name": "Абрамова\u00a0С.\u00a0И.",
    }


def order_inclusion() -> dict:
    return {
        **_order("О включении в кадровый резерв"),
        "appendix_title": "Список лиц, включённых в кадровый резерв",
        "rows": [_person_row(category="оперативный", readiness="готов сейчас")],
    }


def order_exclusion() -> dict:
    return {
        **_order("Об исключении из кадрового резерва"),
        "appendix_title": "Список лиц, исключённых из кадрового резерва",
        "rows": [_person_row(ground="личное заявление", date="15.09.2026")],
    }


def order_extension() -> dict:
    return {
        **_order("О продлении срока пребывания в кадровом резерве"),
        "appendix_title": "Список лиц, срок пребывания которых в кадровом резерве продлён",
        "rows": [_person_row(new_term_end="14.09.2030")],
    }


def order_commission() -> dict:
    return {
        **_order("Об утверждении состава комиссии"),
        "appendix_title": "Состав комиссии",
        "rows": [
            {
                "number": 1,
                "name": "Кузнецова Елена Викторовна",
                "workplace": "министр образования Оренбургской области",
                "role": "председатель комиссии",
            }
        ],
    }


def order_plain() -> dict:
    return _order("Об утверждении Положения")


def regulation() -> dict:
    """Return a context with every field of the Положение's template."""
    from governance.documents import regulation_context
    from governance.regulation import DEFAULT_PARAMETERS, parse_regulation

    return regulation_context(
        parse_regulation(DEFAULT_PARAMETERS),
        number=1,
        effective_from="01.09.2026",
        approval="от «___» __________ 20__ г. № _____",
        positions={},
        consent_text="Текст согласия на обработку персональных данных.",
    )

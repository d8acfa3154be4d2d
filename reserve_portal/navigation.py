"""The menu each role sees, resolved by URL name so the apps are linked without being imported.

An entry is (title, URL name) for a link, or (title, [(title, URL name), …]) for a drop-down.
A name that does not resolve is an error, never a silently missing item: reverse() raises, and
a test reverses every entry of every role.
"""

from django.urls import reverse

from accounts.access import role_of
from accounts.models import Role

Entry = tuple[str, "str | list[tuple[str, str]]"]

_SELECTION_STAFF = [
    ("Заявки", "candidates:pipeline"),
    ("Выдвинуть кандидата", "candidates:nominate"),
    ("Заседания комиссии", "candidates:meeting_list"),
    ("Кадровый резерв", "candidates:membership_list"),
]
_ASSESSMENT_STAFF = [
    ("Кампании оценки", "assessment:campaign_list"),
    ("Талант-ревью", "assessment:talent_review"),
    ("Банк вопросов теста", "assessment:bank_import"),
    ("Модель компетенций", "assessment:competency_model"),
]
_DEVELOPMENT_STAFF = [
    ("Планы развития", "development:plan_list"),
    ("Просроченные пункты планов", "development:overdue_list"),
    ("Наставники", "development:mentor_list"),
    ("Пары наставничества", "development:pair_list"),
    ("Подбор наставников", "development:matching_bulk"),
    ("Эффективность наставников", "development:mentor_effectiveness"),
    ("Благополучие", "development:wellbeing_aggregates"),
    ("Просьбы о разговоре", "development:support_requests"),
    ("Программа развития", "development:programme"),
    ("Каталог мероприятий", "development:catalogue"),
    ("Банк практик", "development:practice_bank"),
]
_ONBOARDING_STAFF = [
    ("Вакансии", "onboarding:vacancy_list"),
    ("Прогноз вакансий", "onboarding:forecast"),
    ("Покрытие резервом", "onboarding:coverage"),
    ("Назначения", "onboarding:appointment_list"),
    ("Новые руководители", "onboarding:induction_list"),
]
_MONITORING_MUNICIPAL = [
    ("Показатели", "monitoring:indicators"),
    ("Полугодовые отчёты резервистов", "monitoring:report_list"),
    ("Отчёты о резерве", "monitoring:report_documents"),
    ("Дорожная карта", "roadmap:roadmap"),
]
_MONITORING_STAFF = [
    *_MONITORING_MUNICIPAL,
    ("Сводка для стратегической сессии", "monitoring:strategic_summary"),
]

MENU: dict[Role, list[Entry]] = {
    Role.ADMIN: [
        ("Главная", "accounts:home_admin"),
        ("Организации", "registry:organization_list"),
        ("Положение", "governance:regulation"),
        ("Журнал аудита", "admin:audit_auditevent_changelist"),
        ("Администрирование", "admin:index"),
    ],
    Role.MINISTRY: [
        ("Главная", "accounts:home_ministry"),
        ("Отбор", _SELECTION_STAFF),
        ("Оценка", _ASSESSMENT_STAFF),
        ("Развитие", _DEVELOPMENT_STAFF),
        (
            "Назначение",
            [
                *_ONBOARDING_STAFF,
                ("Шаблоны плана введения в должность", "onboarding:induction_templates"),
            ],
        ),
        ("Мониторинг", _MONITORING_STAFF),
        (
            "Справочники",
            [
                ("Организации", "registry:organization_list"),
                ("Положение о кадровом резерве", "governance:regulation"),
                ("Реестр приказов", "governance:order_list"),
                ("Шаблоны документов", "governance:template_list"),
                ("Тексты согласий", "governance:consent_texts"),
                ("Журнал аудита", "admin:audit_auditevent_changelist"),
                ("Администрирование портала", "admin:index"),
            ],
        ),
    ],
    Role.MUNICIPAL: [
        ("Главная", "accounts:home_municipal"),
        ("Отбор", [item for item in _SELECTION_STAFF if item[1] != "candidates:meeting_list"]),
        (
            "Оценка",
            [
                ("Талант-ревью", "assessment:talent_review"),
                ("Модель компетенций", "assessment:competency_model"),
            ],
        ),
        ("Развитие", _DEVELOPMENT_STAFF),
        ("Назначение", _ONBOARDING_STAFF),
        ("Мониторинг", _MONITORING_MUNICIPAL),
        (
            "Справочники",
            [
                ("Организации", "registry:organization_list"),
                ("Положение о кадровом резерве", "governance:regulation"),
            ],
        ),
    ],
    Role.EXPERT: [
        ("Главная", "accounts:home_expert"),
        ("Мои оценки", "assessment:expert_home"),
        ("Подтверждение практики", "development:practice_requests"),
        ("Заседания", "candidates:meeting_list"),
        ("Положение", "governance:regulation"),
    ],
    Role.MENTOR: [
        ("Главная", "accounts:home_mentor"),
        (
            "Наставляемые",
            [
                ("Мои наставляемые", "development:mentor_mentees"),
                ("Подтверждение практики", "development:practice_requests"),
                ("Полугодовые отчёты наставляемых", "monitoring:mentee_reports"),
            ],
        ),
        ("Благополучие", "development:wellbeing"),
        ("Адаптация", "onboarding:induction_list"),
        ("Положение", "governance:regulation"),
    ],
    Role.CANDIDATE: [
        ("Главная", "accounts:home_candidate"),
        ("Мои заявки", "candidates:applicant_nominations"),
        ("Моя оценка", "assessment:my_assessment"),
        (
            "Развитие",
            [
                ("Мой план развития", "development:my_plan"),
                ("Мой наставник", "development:my_mentor"),
                ("Полугодовые отчёты", "monitoring:my_reports"),
                ("Благополучие", "development:wellbeing"),
                ("Программа развития", "development:programme"),
                ("Банк практик", "development:practice_bank"),
            ],
        ),
        ("Назначение", "onboarding:my_onboarding"),
        ("Положение", "governance:regulation"),
    ],
}


def _link(title: str, url_name: str) -> dict:
    return {"title": title, "url": reverse(url_name), "name": url_name}


def navigation_for(user) -> list[dict]:
    """Return the menu of the user's role: links, and drop-downs with their `children`."""
    role = role_of(user)
    if role is None:
        return []
    items = []
    for title, target in MENU[role]:
        if isinstance(target, str):
            items.append(_link(title, target))
            continue
        children = [_link(*child) for child in target]
        names = [child["name"] for child in children]
        items.append({"title": title, "children": children, "names": names})
    return items


def navigation_links(items: list[dict]) -> list[dict]:
    """Return every link of a menu, drop-downs opened."""
    return [link for item in items for link in item.get("children", [item])]

"""The Regulation's defaults (DESIGN.md §5): the first version's parameters.

parse_regulation reads them for any parameter a version made before it existed does not have.
"""

_MANAGEMENT_FIELDS = ["state_municipal_management", "management", "hr_management"]
_DPO_FIELDS = ["state_municipal_management", "management_economics", "management"]
# 250н: retraining in management, economics, personnel management or ГМУ.
_PS_RETRAINING_FIELDS = [
    "management",
    "economics",
    "hr_management",
    "state_municipal_management",
    "management_economics",
    "economics_management",
]

_DIRECTOR_ROUTES = [
    {
        "code": "management_degree",
        "act": "761n",
        "title": (
            "Высшее образование по направлениям подготовки «Государственное и муниципальное "
            "управление», «Менеджмент», «Управление персоналом» и стаж работы на педагогических "
            "должностях"
        ),
        "education_fields": _MANAGEMENT_FIELDS,
        "dpo_fields": [],
        "dpo_min_hours": 0,
        "experience_kinds": ["pedagogical"],
        "min_experience_years": 5,
    },
    {
        "code": "degree_and_dpo",
        "act": "761n",
        "title": (
            "Высшее образование и дополнительное профессиональное образование в области "
            "государственного и муниципального управления или менеджмента и экономики и стаж "
            "работы на педагогических или руководящих должностях"
        ),
        "education_fields": [],
        "dpo_fields": _DPO_FIELDS,
        "dpo_min_hours": 250,
        "experience_kinds": ["pedagogical", "management"],
        "min_experience_years": 5,
    },
]

# Профстандарт 250н (schools and kindergartens), the requirements to education of its functions.
_STANDARD_ROUTES = [
    {
        "code": "ps_pedagogy_and_retraining",
        "act": "250n",
        "title": (
            "Высшее образование (специалитет или магистратура) по направлениям подготовки "
            "«Образование и педагогические науки» и профессиональная переподготовка в области "
            "менеджмента, экономики, управления персоналом или государственного и "
            "муниципального управления"
        ),
        "education_fields": ["pedagogy"],
        "education_levels": ["specialist", "master"],
        "dpo_fields": _PS_RETRAINING_FIELDS,
        "dpo_min_hours": 250,
        "experience_kinds": ["pedagogical", "management"],
        "min_experience_years": 5,
    },
    {
        "code": "ps_bachelor_and_master",
        "act": "250n",
        "title": (
            "Высшее образование (бакалавриат) по направлениям подготовки «Образование и "
            "педагогические науки» и высшее образование (магистратура) в области экономики и "
            "управления"
        ),
        "education_fields": ["pedagogy"],
        "education_levels": ["bachelor", "specialist", "master"],
        "second_levels": ["master"],
        "second_fields": [
            "economics_management",
            "management",
            "economics",
            "state_municipal_management",
            "hr_management",
            "management_economics",
        ],
        "dpo_fields": [],
        "dpo_min_hours": 0,
        "experience_kinds": ["pedagogical", "management"],
        "min_experience_years": 5,
    },
]

_AUTHORITY_ROUTES = [
    {
        "code": "municipal_service",
        "act": "municipal_service",
        "title": ("Высшее образование и стаж работы на педагогических или руководящих должностях"),
        "education_fields": [],
        "dpo_fields": [],
        "dpo_min_hours": 0,
        "experience_kinds": ["pedagogical", "management"],
        "min_experience_years": 4,
    },
]


def _deputy_routes() -> list[dict]:
    """Return the director's routes where management experience also counts on the first."""
    first, second = (dict(route) for route in _DIRECTOR_ROUTES)
    first["experience_kinds"] = ["pedagogical", "management"]
    first["title"] = first["title"].replace(
        "на педагогических должностях", "на педагогических или руководящих должностях"
    )
    return [first, second]


# Parameters added after the first versions: parse_regulation reads their defaults when absent.
LATER_PARAMETERS = (
    "commission_tie_rule",
    "municipal_approval",
    "regional_order_relation",
    "retraining_min_hours",
    "retraining_source",
    "appeal_days",
    "appeal_review_days",
    "reapply_months",
    "change_report_days",
    "mentoring_hours_per_year",
)

DEFAULT_PARAMETERS: dict = {
    "reserve_term_years": 3,
    "extension_term_years": 1,
    "max_extensions": 2,
    "categories": [
        {
            "code": "operational",
            "name": "оперативный",
            "description": "готов к назначению на должность в течение года",
            "readiness": ["ready_now", "within_year"],
        },
        {
            "code": "prospective",
            "name": "перспективный",
            "description": "готов к назначению после выполнения ИОМ, в пределах срока "
            "пребывания в резерве",
            "readiness": ["within_two_years", "within_three_years"],
        },
    ],
    "readiness_levels": [
        {"code": "ready_now", "name": "готов сейчас", "years": 0},
        {"code": "within_year", "name": "готов в течение года", "years": 1},
        {"code": "within_two_years", "name": "готов в течение двух лет", "years": 2},
        {"code": "within_three_years", "name": "готов в течение трёх лет", "years": 3},
    ],
    "required_documents": [
        "application",
        "questionnaire",
        "diploma",
        "employment_record",
        "no_criminal_record",
        "recommendation",
        "consent",
    ],
    "exclusion_grounds": [
        {
            "code": "appointed",
            "name": "назначение на должность, для замещения которой сформирован резерв",
        },
        {"code": "own_request", "name": "личное заявление резервиста"},
        {"code": "offer_refusals", "name": "отказ от предложенных должностей два раза и более"},
        {"code": "plan_not_completed", "name": "невыполнение ИОМ по вине резервиста"},
        {"code": "no_report", "name": "непредставление отчёта о выполнении ИОМ"},
        {"code": "term_expired", "name": "истечение срока пребывания в резерве"},
        {
            "code": "incompatible",
            "name": "обстоятельства, препятствующие замещению должности руководителя, в том "
            "числе установленные статьями 331 и 351.1 Трудового кодекса Российской Федерации",
        },
    ],
    "reporting_dates": [[7, 1], [12, 10]],
    "eligibility": [
        {
            "position_kinds": ["director-general", "head-preschool"],
            "title": "Руководитель общеобразовательной или дошкольной образовательной организации",
            "routes": _DIRECTOR_ROUTES + _STANDARD_ROUTES,
        },
        {
            "position_kinds": ["director-additional", "director-vocational"],
            "title": "Руководитель организации дополнительного или профессионального образования",
            "routes": _DIRECTOR_ROUTES,
        },
        {
            "position_kinds": ["deputy-general", "deputy-preschool"],
            "title": "Заместитель руководителя общеобразовательной или дошкольной организации",
            "routes": _deputy_routes() + _STANDARD_ROUTES,
        },
        {
            "position_kinds": ["deputy-additional", "deputy-vocational"],
            "title": "Заместитель руководителя организации дополнительного или "
            "профессионального образования",
            "routes": _deputy_routes(),
        },
        {
            "position_kinds": ["head-municipal-authority"],
            "title": "Руководитель муниципального органа управления образованием",
            "routes": _AUTHORITY_ROUTES,
        },
    ],
    "assessment_weights": {
        "self_assessment": 10,
        "feedback_360": 15,
        "knowledge_test": 20,
        "case": 20,
        "interview": 20,
        "management_project": 15,
        "portfolio": 0,
    },
    "pass_threshold": 60,
    "max_offer_refusals": 2,
    "commission_quorum_percent": 50,
    "commission_tie_rule": "chair_decides",
    "municipal_approval": True,
    "regional_order_relation": (
        "Настоящее Положение развивает Порядок формирования кадрового резерва руководителей "
        "системы образования Оренбургской области, утверждённый приказом министерства "
        "образования Оренбургской области от 08.09.2023 № 01-21/1458, в части работы с "
        "резервом руководителей образовательных организаций; в части, не урегулированной "
        "настоящим Положением, применяется указанный Порядок."
    ),
    "retraining_min_hours": 250,
    "retraining_source": (
        "пункт 12 Порядка организации и осуществления образовательной деятельности по "
        "дополнительным профессиональным программам, утверждённого приказом Министерства "
        "образования и науки Российской Федерации от 01.07.2013 № 499"
    ),
    "appeal_days": 10,
    "appeal_review_days": 15,
    "reapply_months": 12,
    "change_report_days": 10,
    # A 1.5-hour meeting every two weeks over the school year's 36 weeks is 27 hours, plus 9 hours
    # of work between meetings (joint visits, reviewing the mentee's management project): 36.
    "mentoring_hours_per_year": 36,
}

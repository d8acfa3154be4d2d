"""The forty people of the selection stage's story: who they are and where their story ends."""

from dataclasses import dataclass

from candidates.models import NominationStatus
from demo.builders import translit

S = NominationStatus

# The calendar of the two waves, in days from today; the assessment stage's demo reads it too.
SUMMER_WAVE_STARTED_DAYS_AGO = 150
AUTUMN_WAVE_STARTED_DAYS_AGO = 18


@dataclass(frozen=True)
class DemoCandidate:
    last_name: str
    first_name: str
    middle_name: str
    municipality: str
    target: str  # the position kind applied for
    post: str  # the post held now
    route: str  # how education and experience are drawn: see histories.records_of()
    story: str  # where the person's story ends: see STORIES
    age_days: int  # how long ago the nomination was opened
    note: str = ""  # the reason of a return, of non-admission, or of the commission's refusal
    score: int = 0  # summer wave: the assessment total the assessment stage's demo aims at

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name} {self.middle_name}"

    @property
    def wave(self) -> str:
        """Return «summer» or «autumn» for the people the assessment stage takes, else ""."""
        if self.story in SUMMER_STORIES:
            return "summer"
        return "autumn" if self.story == "autumn" else ""


# The statuses each story passes through after the draft, in order.
STORIES: dict[str, tuple[NominationStatus, ...]] = {
    "draft_empty": (),
    "draft": (),
    "submitted": (S.SUBMITTED,),
    "document_check": (S.SUBMITTED, S.DOCUMENT_CHECK),
    "resubmitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.RETURNED, S.SUBMITTED, S.DOCUMENT_CHECK),
    "returned": (S.SUBMITTED, S.DOCUMENT_CHECK, S.RETURNED),
    "admitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED),
    "override": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED),
    "not_admitted": (S.SUBMITTED, S.DOCUMENT_CHECK, S.NOT_ADMITTED),
    "autumn": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "included": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "refused": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
    "review": (S.SUBMITTED, S.DOCUMENT_CHECK, S.ADMITTED, S.ASSESSMENT),
}
SUMMER_STORIES = ("included", "refused", "review")

DEPUTY_UVR = "Заместитель директора по учебно-воспитательной работе"
DEPUTY_VR = "Заместитель директора по воспитательной работе"
DEPUTY_PRESCHOOL = "Заместитель заведующего по воспитательно-методической работе"
SENIOR_TEACHER = "Старший воспитатель"

ROSTER: list[DemoCandidate] = [
    # город Оренбург: every status of the pipeline.
    DemoCandidate(
        "Тарасова", "Анна", "Николаевна", "город Оренбург", "deputy-general",
        "Учитель русского языка и литературы", "dpo", "draft", 12,
    ),
    DemoCandidate(
        "Галиев", "Руслан", "Ильдарович", "город Оренбург", "director-additional",
        "Заместитель директора по учебно-воспитательной работе", "degree", "draft_empty", 3,
    ),
    DemoCandidate(
        "Шевченко", "Ольга", "Викторовна", "город Оренбург", "head-preschool",
        SENIOR_TEACHER, "dpo", "submitted", 16,
    ),
    DemoCandidate(
        "Дьяченко", "Максим", "Сергеевич", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "resubmitted", 34,
        note="Рекомендация подписана заместителем директора. Приложите представление за подписью "
        "руководителя организации.",
    ),
    DemoCandidate(
        "Антонова", "Юлия", "Андреевна", "город Оренбург", "deputy-general",
        "Учитель математики", "dpo", "returned", 27,
        note="В анкете указана профессиональная переподготовка «Менеджмент в образовании» "
        "(520 ч.), но диплом о переподготовке не приложен. Загрузите его скан.",
    ),
    DemoCandidate(
        "Костин", "Артём", "Валерьевич", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "admitted", 41,
    ),
    DemoCandidate(
        "Смирнова", "Дарья", "Алексеевна", "город Оренбург", "deputy-general",
        "Учитель английского языка", "young", "not_admitted", 38,
        note="Стаж работы на педагогических и руководящих должностях — чуть больше трёх лет, "
        "Положение требует не менее 5 лет. Рекомендуем выдвинуться повторно, набрав стаж.",
    ),
    DemoCandidate(
        "Исаева", "Марина", "Фаритовна", "город Оренбург", "director-general",
        DEPUTY_UVR, "dpo", "autumn", 58,
    ),
    DemoCandidate(
        "Кириллов", "Денис", "Олегович", "город Оренбург", "deputy-general",
        "Учитель физики", "degree", "autumn", 55,
    ),
    DemoCandidate(
        "Юсупова", "Эльвира", "Рамилевна", "город Оренбург", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "autumn", 61,
    ),
    DemoCandidate(
        "Прохорова", "Наталья", "Игоревна", "город Оренбург", "director-general",
        DEPUTY_UVR, "degree", "included", 196, score=88,
    ),
    DemoCandidate(
        "Зайцев", "Константин", "Андреевич", "город Оренбург", "deputy-general",
        "Учитель истории и обществознания", "dpo", "admitted", 45,
    ),
    DemoCandidate(
        "Гусева", "Елена", "Павловна", "город Оренбург", "director-general",
        DEPUTY_VR, "dpo", "refused", 193, score=50,
        note="Итоговый балл комплексной оценки ниже проходного; дефициты в управлении финансами "
        "и персоналом. Рекомендовано пройти программу развития и выдвинуться повторно.",
    ),
    DemoCandidate(
        "Медведева", "Светлана", "Юрьевна", "город Оренбург", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "review", 188, score=77,
    ),
    # город Орск.
    DemoCandidate(
        "Бондаренко", "Игорь", "Витальевич", "город Орск", "deputy-general",
        "Учитель информатики", "degree", "draft", 6,
    ),
    DemoCandidate(
        "Жукова", "Татьяна", "Михайловна", "город Орск", "director-general",
        DEPUTY_UVR, "dpo", "submitted", 11,
    ),
    DemoCandidate(
        "Осипова", "Виктория", "Сергеевна", "город Орск", "deputy-preschool",
        SENIOR_TEACHER, "dpo", "document_check", 19,
    ),
    DemoCandidate(
        "Нургалиев", "Айдар", "Салаватович", "город Орск", "director-general",
        DEPUTY_VR, "degree", "returned", 24,
        note="Заявление не подписано и в нём не указана должность, на которую вы претендуете. "
        "Загрузите подписанное заявление.",
    ),
    DemoCandidate(
        "Романова", "Ирина", "Александровна", "город Орск", "deputy-general",
        "Учитель начальных классов", "dpo", "autumn", 57,
    ),
    DemoCandidate(
        "Ткаченко", "Виталий", "Петрович", "город Орск", "director-general",
        DEPUTY_UVR, "degree", "autumn", 63,
    ),
    DemoCandidate(
        "Лысенко", "Оксана", "Владимировна", "город Орск", "head-preschool",
        DEPUTY_PRESCHOOL, "dpo", "included", 192, score=84,
    ),
    DemoCandidate(
        "Щербаков", "Роман", "Евгеньевич", "город Орск", "deputy-general",
        "Учитель физической культуры", "degree", "autumn", 53,
    ),
    DemoCandidate(
        "Коваленко", "Алла", "Геннадьевна", "город Орск", "director-general",
        DEPUTY_UVR, "dpo", "review", 189, score=65,
    ),
    # The other municipalities.
    DemoCandidate(
        "Макарова", "Людмила", "Олеговна", "город Новотроицк", "deputy-general",
        "Учитель химии и биологии", "dpo", "submitted", 9,
    ),
    DemoCandidate(
        "Фомин", "Евгений", "Александрович", "город Новотроицк", "director-additional",
        "Заместитель директора по учебно-воспитательной работе", "degree", "autumn", 54,
    ),
    DemoCandidate(
        "Панова", "Кристина", "Валерьевна", "город Новотроицк", "deputy-general",
        "Учитель русского языка и литературы", "dpo", "included", 191, score=74,
    ),
    DemoCandidate(
        "Ершов", "Михаил", "Юрьевич", "город Бузулук", "director-general",
        DEPUTY_UVR, "dpo", "draft", 4,
    ),
    DemoCandidate(
        "Полякова", "Ангелина", "Викторовна", "город Бузулук", "deputy-preschool",
        SENIOR_TEACHER, "degree", "admitted", 44,
    ),
    DemoCandidate(
        "Клименко", "Олег", "Иванович", "город Бузулук", "deputy-general",
        "Учитель географии", "dpo", "autumn", 52,
    ),
    DemoCandidate(
        "Ильина", "Валентина", "Николаевна", "Оренбургский муниципальный район",
        "director-general", DEPUTY_UVR, "dpo", "submitted", 14,
    ),
    DemoCandidate(
        "Бурлаков", "Станислав", "Петрович", "Оренбургский муниципальный район",
        "director-general", DEPUTY_VR, "degree", "autumn", 60,
    ),
    DemoCandidate(
        "Рахимова", "Лейла", "Маратовна", "Оренбургский муниципальный район",
        "deputy-general", "Учитель математики", "dpo", "review", 194, score=91,
    ),
    DemoCandidate(
        "Степанова", "Галина", "Анатольевна", "Гайский городской округ", "director-general",
        DEPUTY_UVR, "short_dpo", "document_check", 21,
    ),
    DemoCandidate(
        "Мусин", "Тимур", "Рашитович", "Гайский городской округ", "deputy-general",
        "Учитель истории", "degree", "autumn", 56,
    ),
    DemoCandidate(
        "Калинина", "Евгения", "Сергеевна", "Соль-Илецкий городской округ", "head-preschool",
        SENIOR_TEACHER, "dpo", "document_check", 18,
    ),
    DemoCandidate(
        "Куликов", "Владимир", "Андреевич", "Соль-Илецкий городской округ", "director-general",
        DEPUTY_UVR, "degree", "included", 187, score=68,
    ),
    DemoCandidate(
        "Андреева", "Оксана", "Петровна", "Сорочинский городской округ", "deputy-general",
        "Учитель истории", "counsellor", "override", 47,
        note="Рекомендовать допустить к отбору в кадровый резерв в порядке исключения: при стаже "
        "педагогической работы менее 5 лет обладает достаточным практическим опытом и "
        "компетентностью — руководит школьным методическим объединением и муниципальным "
        "проектом «Школа полного дня».",
    ),
    DemoCandidate(
        "Белоусов", "Кирилл", "Николаевич", "Сорочинский городской округ", "deputy-general",
        "Учитель технологии", "dpo", "submitted", 8,
    ),
    DemoCandidate(
        "Сафонова", "Алёна", "Дмитриевна", "город Бугуруслан", "head-preschool",
        SENIOR_TEACHER, "dpo", "autumn", 59,
    ),
    DemoCandidate(
        "Горбунова", "Надежда", "Ивановна", "Саракташский муниципальный район",
        "head-preschool", SENIOR_TEACHER, "college", "not_admitted", 36,
        note="Нет высшего образования: указано среднее профессиональное (педагогический "
        "колледж). Положение требует высшего образования.",
    ),
]  # fmt: skip


def email_of(person: DemoCandidate) -> str:
    """Return the person's demo e-mail, which also identifies them on a second run."""
    initials = translit(person.first_name[0] + person.middle_name[0]).lower()
    return f"{translit(person.last_name).lower()}.{initials}@mail56.example"

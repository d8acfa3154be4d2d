"""Reference lists the rules read: the official list of pedagogical posts.

The pedagogical posts are those of the номенклатура должностей педагогических работников
(постановление Правительства Российской Федерации от 21.02.2022 № 225, раздел I); a work record
names one of them, a management post, or another post, and the kind of its experience follows.
"""

PEDAGOGICAL_POSTS: dict[str, str] = {
    "teacher": "учитель",
    "educator": "воспитатель",
    "senior_educator": "старший воспитатель",
    "additional_teacher": "педагог дополнительного образования",
    "senior_additional_teacher": "старший педагог дополнительного образования",
    "methodologist": "методист",
    "senior_methodologist": "старший методист",
    "psychologist": "педагог-психолог",
    "social_pedagogue": "социальный педагог",
    "speech_therapist": "учитель-логопед (логопед)",
    "defectologist": "учитель-дефектолог",
    "tutor": "тьютор",
    "lecturer": "преподаватель",
    "vocational_master": "мастер производственного обучения",
    "senior_counsellor": "старший вожатый",
    "organizer": "педагог-организатор",
    "librarian": "педагог-библиотекарь",
    "music_director": "музыкальный руководитель",
    "accompanist": "концертмейстер",
    "pe_instructor": "инструктор по физической культуре",
    "pe_head": "руководитель физического воспитания",
    "safety_organizer": "преподаватель-организатор основ безопасности и защиты Родины",
    "coach": "тренер-преподаватель",
    "senior_coach": "старший тренер-преподаватель",
    "instructor_methodologist": "инструктор-методист",
    "upbringing_advisor": "советник директора по воспитанию и взаимодействию с детскими "
    "общественными объединениями",
}
MANAGEMENT_POST = "management"
OTHER_POST = "other"

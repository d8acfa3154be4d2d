"""The demo people's written work on the case and the management project, handed in before the
experts rate it (the portal refuses to rate work that has not been handed in)."""

import random

from assessment.models import CampaignInstrument, InstrumentKind, Participant, WorkSubmission
from assessment.models.work import WRITTEN_KINDS
from assessment.participation.services.work import work_submit

K = InstrumentKind

# Paragraphs a written answer is put together from, per kind of instrument.
PARAGRAPHS = {
    K.CASE: [
        "Первые две недели — диагностика: анализ результатов ВПР по классам и учителям, "
        "посещение уроков математики в 5–8 классах, беседы с руководителями методических "
        "объединений. Итог — короткий отчёт педагогическому совету с тремя причинами снижения "
        "результатов.",
        "Кадры: до июня договариваюсь с двумя учителями-совместителями из соседней школы и "
        "направляю молодого учителя на стажировку к опытному наставнику; параллельно — "
        "объявление о вакансии в муниципальном кадровом центре.",
        "Конфликт в 7 «Б»: встреча с классным руководителем и родительским комитетом в течение "
        "недели, протокол договорённостей, повторная встреча через месяц. Ответ учредителю — "
        "в установленный срок, с приложением плана мер.",
        "Предписание надзора: смета на систему оповещения, закупка у единственного поставщика "
        "в пределах лимита 44-ФЗ или запрос котировок; контроль сроков — еженедельно.",
        "Показатели через полгода: доля «двоек» по ВПР ниже на треть, укомплектованность "
        "кадрами 100 %, предписание исполнено, жалоб родителей по 7 «Б» нет.",
    ],
    K.MANAGEMENT_PROJECT: [
        "Проект «Школа равных возможностей»: цель — к концу учебного года сократить разрыв "
        "в результатах ОГЭ по математике между классами параллели вдвое.",
        "Задачи: диагностика по темам, группы выравнивания, взаимопосещение уроков, "
        "индивидуальные маршруты для учеников группы риска.",
        "Ресурсы: 0,5 ставки педагога-психолога, 120 тыс. рублей на ДПО учителей, "
        "расписание на 2 часа внеурочной деятельности в неделю.",
        "Риски: перегрузка учителей и отток учеников в частные курсы; меры — учёт часов "
        "в стимулирующих выплатах и открытые занятия для родителей.",
        "Показатели: средний балл ОГЭ, доля успешно выполненных диагностических работ, "
        "удовлетворённость родителей по итогам анкетирования.",
    ],
    K.PORTFOLIO: [
        "Портфолио управленческих достижений за три года: руководство методическим "
        "объединением, проект по функциональной грамотности, участие в конкурсе «Учитель года».",
        "Приложены приказы, программа проекта и отзывы коллег.",
    ],
}


def work_text(item: CampaignInstrument, rng: random.Random) -> str:
    """Return a believable written answer: most of the kind's paragraphs, in order."""
    paragraphs = PARAGRAPHS.get(item.instrument.kind, PARAGRAPHS[K.CASE])
    kept = [paragraph for paragraph in paragraphs if rng.random() > 0.2] or paragraphs[:2]
    return "\n\n".join(kept)


def hand_in_work(participant: Participant, item: CampaignInstrument, rng: random.Random) -> None:
    """Hand in the participant's work on a written instrument, once."""
    if item.instrument.kind not in WRITTEN_KINDS:
        return
    if WorkSubmission.objects.filter(
        participant=participant, campaign_instrument=item, submitted_at__isnull=False
    ).exists():
        return
    work_submit(
        participant=participant,
        campaign_instrument=item,
        text=work_text(item, rng),
        actor=participant.candidate.user,
    )

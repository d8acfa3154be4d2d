"""The demo people's written work on the case and the management project, handed in before the
experts rate it (the portal refuses to rate work that has not been handed in)."""

import random

from assessment.models import CampaignInstrument, InstrumentKind, Participant, WorkSubmission
from assessment.models.work import WRITTEN_KINDS
from assessment.participation.services.work import work_submit
from demo.assessment.case_answers import CASE_ANSWERS

K = InstrumentKind

# Paragraphs a written answer is put together from, per kind of instrument (the case's per post,
# in case_answers).
PARAGRAPHS = {
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


def work_text(item: CampaignInstrument, rng: random.Random, participant: Participant) -> str:
    """Return a believable written answer to the participant's task: most paragraphs, in order."""
    if item.instrument.kind == K.CASE:
        post = participant.position_kind.code if participant.position_kind_id else ""
        paragraphs = CASE_ANSWERS.get(post, CASE_ANSWERS["director-general"])
    else:
        paragraphs = PARAGRAPHS[item.instrument.kind]
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
        text=work_text(item, rng, participant),
        actor=participant.candidate.user,
    )

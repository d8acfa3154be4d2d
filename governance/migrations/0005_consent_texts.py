"""The first versions of the consent texts."""

from django.db import migrations

PERSONAL_DATA_TEXT = """Я, субъект персональных данных, в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие министерству образования Оренбургской области на обработку моих персональных данных: фамилии, имени, отчества, даты рождения, контактных данных, сведений об образовании, о дополнительном профессиональном образовании, о трудовой деятельности, результатов оценки и сведений о профессиональном развитии — в целях формирования кадрового резерва руководителей образовательных организаций Оренбургской области, оценки, развития и назначения резервистов.

Согласие действует в течение срока пребывания в кадровом резерве и пяти лет после его окончания. Я вправе отозвать согласие в любой момент в личном кабинете; после отзыва обработка моих персональных данных прекращается, а заявка не может рассматриваться."""

WELLBEING_TEXT = """Я добровольно участвую в опросе о профессиональном благополучии. Мои ответы видны мне; специалисты видят только обобщённые показатели групп из пяти и более человек. Опрос не является диагностикой. Я вправе отозвать согласие в любой момент."""


def create(apps, schema_editor):
    ConsentText = apps.get_model("governance", "ConsentText")
    ConsentText.objects.get_or_create(
        purpose="personal_data", version=1, defaults={"text": PERSONAL_DATA_TEXT, "in_force": True}
    )
    ConsentText.objects.get_or_create(
        purpose="wellbeing", version=1, defaults={"text": WELLBEING_TEXT, "in_force": True}
    )


def remove(apps, schema_editor):
    apps.get_model("governance", "ConsentText").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("governance", "0004_consent")]

    operations = [migrations.RunPython(create, remove)]

"""Load the 42 municipalities of the Orenburg region, their known aliases and position kinds."""

from django.db import migrations

from registry.normalize import municipality_key

URBAN = "urban_okrug"
DISTRICT = "municipal_district"
CLOSED = "closed_territory"

# name, kind, aliases (renamed okrugs' new names, administrative centres of okrugs)
MUNICIPALITIES = [
    ("город Оренбург", URBAN, []),
    ("город Орск", URBAN, []),
    ("город Новотроицк", URBAN, []),
    ("город Бузулук", URBAN, []),
    ("город Бугуруслан", URBAN, []),
    ("город Медногорск", URBAN, []),
    ("ЗАТО Комаровский", CLOSED, ["ЗАТО п. Комаровский", "посёлок Комаровский"]),
    ("Абдулинский городской округ", URBAN, ["Абдулинский муниципальный округ", "город Абдулино"]),
    ("Гайский городской округ", URBAN, ["Гайский муниципальный округ", "город Гай"]),
    ("Кувандыкский городской округ", URBAN, ["Кувандыкский муниципальный округ", "город Кувандык"]),
    ("Соль-Илецкий городской округ", URBAN, ["Соль-Илецкий муниципальный округ", "город Соль-Илецк"]),
    ("Сорочинский городской округ", URBAN, ["Сорочинский муниципальный округ", "город Сорочинск"]),
    ("Ясненский городской округ", URBAN, ["Ясненский муниципальный округ", "город Ясный"]),
    ("Адамовский муниципальный район", DISTRICT, []),
    ("Акбулакский муниципальный район", DISTRICT, []),
    ("Александровский муниципальный район", DISTRICT, []),
    ("Асекеевский муниципальный район", DISTRICT, []),
    ("Беляевский муниципальный район", DISTRICT, []),
    ("Бугурусланский муниципальный район", DISTRICT, []),
    ("Бузулукский муниципальный район", DISTRICT, []),
    ("Грачёвский муниципальный район", DISTRICT, []),
    ("Домбаровский муниципальный район", DISTRICT, []),
    ("Илекский муниципальный район", DISTRICT, []),
    ("Кваркенский муниципальный район", DISTRICT, []),
    ("Красногвардейский муниципальный район", DISTRICT, []),
    ("Курманаевский муниципальный район", DISTRICT, []),
    ("Матвеевский муниципальный район", DISTRICT, []),
    ("Новоорский муниципальный район", DISTRICT, []),
    ("Новосергиевский муниципальный район", DISTRICT, []),
    ("Октябрьский муниципальный район", DISTRICT, []),
    ("Оренбургский муниципальный район", DISTRICT, []),
    ("Первомайский муниципальный район", DISTRICT, []),
    ("Переволоцкий муниципальный район", DISTRICT, []),
    ("Пономарёвский муниципальный район", DISTRICT, []),
    ("Сакмарский муниципальный район", DISTRICT, []),
    ("Саракташский муниципальный район", DISTRICT, []),
    ("Светлинский муниципальный район", DISTRICT, []),
    ("Северный муниципальный район", DISTRICT, []),
    ("Ташлинский муниципальный район", DISTRICT, []),
    ("Тоцкий муниципальный район", DISTRICT, []),
    ("Тюльганский муниципальный район", DISTRICT, []),
    ("Шарлыкский муниципальный район", DISTRICT, []),
]

# code, name, is_head, organization kinds
POSITION_KINDS = [
    ("director-general", "Директор общеобразовательной организации", True, ["general"]),
    ("deputy-general", "Заместитель директора общеобразовательной организации", False, ["general"]),
    ("head-preschool", "Заведующий дошкольной образовательной организацией", True, ["preschool"]),
    ("deputy-preschool", "Заместитель заведующего дошкольной образовательной организацией", False,
     ["preschool"]),
    ("director-additional", "Директор организации дополнительного образования", True,
     ["additional"]),
    ("director-vocational", "Директор профессиональной образовательной организации", True,
     ["vocational"]),
    ("deputy-vocational", "Заместитель директора профессиональной образовательной организации",
     False, ["vocational"]),
]


def load(apps, schema_editor):
    Municipality = apps.get_model("registry", "Municipality")
    MunicipalityAlias = apps.get_model("registry", "MunicipalityAlias")
    PositionKind = apps.get_model("registry", "PositionKind")
    for name, kind, aliases in MUNICIPALITIES:
        municipality, _ = Municipality.objects.get_or_create(
            name=name, defaults={"kind": kind, "name_key": municipality_key(name)}
        )
        for alias in aliases:
            MunicipalityAlias.objects.get_or_create(
                name_key=municipality_key(alias),
                defaults={"municipality": municipality, "name": alias},
            )
    for order, (code, name, is_head, kinds) in enumerate(POSITION_KINDS, start=1):
        PositionKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "is_head": is_head,
                "organization_kinds": kinds,
                "sort_order": order,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("registry", "MunicipalityAlias").objects.all().delete()
    apps.get_model("registry", "PositionKind").objects.all().delete()
    apps.get_model("registry", "Municipality").objects.filter(
        name__in=[name for name, _, _ in MUNICIPALITIES], organizations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]

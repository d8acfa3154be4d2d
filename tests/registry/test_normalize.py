import pytest

from registry.normalize import municipality_key


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("г. Новотроицк", "город Новотроицк"),
        ("г.Бузулук", "город Бузулук"),
        ("Оренбург г.", "город Оренбург"),
        ("МО г. Оренбург", "город Оренбург"),
        ("Бугурусланский район", "Бугурусланский муниципальный район"),
        ("Тоцкий р-н", "Тоцкий муниципальный район"),
        ("Абдулинский муниципальный округ", "Абдулинский городской округ"),
        ("Соль-Илецкий ГО", "Соль-Илецкий городской округ"),
        ("Грачевский район", "Грачёвский муниципальный район"),
        ("  ЗАТО  Комаровский ", "ЗАТО Комаровский"),
    ],
)
def test_everyday_spellings_share_the_canonical_key(spelling, canonical):
    assert municipality_key(spelling) == municipality_key(canonical)


def test_a_city_and_the_district_around_it_stay_apart():
    assert municipality_key("город Оренбург") != municipality_key("Оренбургский район")

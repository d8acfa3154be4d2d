"""A backup taken with one command brings the data back with the other."""

import pytest
from django.core.management import CommandError, call_command

from registry.models import Organization
from tests.factories import OrganizationFactory


@pytest.mark.django_db(transaction=True)
def test_it_restores_what_the_backup_saved(tmp_path, municipality):
    kept = OrganizationFactory(municipality=municipality, short_name="МОБУ «СОШ № 77»")
    backup = tmp_path / "rezerv.dump"

    call_command("backup_database", str(backup))
    kept.delete()
    OrganizationFactory(municipality=municipality, short_name="Создана после копии")
    call_command("restore_database", str(backup), "--yes")

    names = set(Organization.objects.values_list("short_name", flat=True))
    assert names == {"МОБУ «СОШ № 77»"}


def test_it_refuses_to_restore_without_confirmation(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_database", str(tmp_path / "rezerv.dump"))


def test_it_names_a_missing_backup_file(tmp_path):
    with pytest.raises(CommandError, match="не найден"):
        call_command("restore_database", str(tmp_path / "нет.dump"), "--yes")

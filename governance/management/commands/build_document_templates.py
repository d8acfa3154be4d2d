"""Write the shipped Word templates into governance/document_templates/defaults/."""

from django.core.management.base import BaseCommand

from governance.document_templates import DEFAULTS_DIR, KINDS
from governance.document_templates.files import template_bytes


class Command(BaseCommand):
    help = "Собрать поставляемые шаблоны документов (.docx) из кода в defaults/."

    def handle(self, *args, **options) -> None:
        DEFAULTS_DIR.mkdir(exist_ok=True)
        for kind in KINDS.values():
            kind.default_path.write_bytes(template_bytes(kind))
            self.stdout.write(f"{kind.default_path.name}: {kind.name}")

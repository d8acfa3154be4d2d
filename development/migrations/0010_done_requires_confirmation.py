"""An item is done only once someone who saw the practice has confirmed it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("development", "0009_reopen_unconfirmed_items")]

    operations = [
        migrations.AddConstraint(
            model_name="planitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "done"), _negated=True),
                    ("practice_status", "confirmed"),
                    _connector="OR",
                ),
                name="development_planitem_done_is_confirmed",
            ),
        ),
    ]

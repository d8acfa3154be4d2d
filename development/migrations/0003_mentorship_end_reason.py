from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("development", "0002_programme_catalogue_seed")]

    operations = [
        migrations.AddField(
            model_name="mentorship",
            name="end_reason",
            field=models.TextField(blank=True, verbose_name="причина завершения или отмены"),
        ),
    ]

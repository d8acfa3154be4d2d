"""The order's number and date now live in the register (inclusion_order)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("candidates", "0007_orders_from_membership_fields")]

    operations = [
        migrations.RemoveField(
            model_name='reservemembership',
            name='order_date',
        ),
        migrations.RemoveField(
            model_name='reservemembership',
            name='order_number',
        ),    ]

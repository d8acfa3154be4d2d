"""Move the inclusion orders noted on memberships into the ministry's register of orders.

Also renames the readiness levels to the Regulation's new ones (each no longer than the term).
"""

from django.db import migrations

READINESS = {"one_two_years": "within_two_years", "three_plus_years": "within_three_years"}


def forward(apps, schema_editor):
    Order = apps.get_model("governance", "Order")
    Membership = apps.get_model("candidates", "ReserveMembership")
    AgendaItem = apps.get_model("candidates", "AgendaItem")
    for membership in Membership.objects.exclude(order_number=""):
        if membership.order_date is None:
            continue
        order = Order.objects.filter(
            number=membership.order_number, date__year=membership.order_date.year
        ).first()
        if order is None:
            order = Order.objects.create(
                number=membership.order_number,
                date=membership.order_date,
                kind="inclusion",
                title="О включении в кадровый резерв",
                signatory_name="",
                signatory_post="Министр образования Оренбургской области",
            )
        membership.inclusion_order = order
        membership.save(update_fields=["inclusion_order"])
    for old, new in READINESS.items():
        Membership.objects.filter(readiness=old).update(readiness=new)
        AgendaItem.objects.filter(readiness=old).update(readiness=new)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0006_membership_orders"), ("governance", "0007_orders_and_document_templates")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

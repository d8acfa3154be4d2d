"""The register of the ministry's orders: the list, recording an approval order, its document."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.docx import DOCX_CONTENT_TYPE
from governance import access
from governance.models import Order, OrderKind, RegulationVersion
from governance.order_documents import approval_order_document, default_title
from governance.orders import order_create, order_suggested_requisites

APPROVAL_KINDS = [
    (OrderKind.REGULATION.value, OrderKind.REGULATION.label),
    (OrderKind.PROGRAMME.value, OrderKind.PROGRAMME.label),
]


class ApprovalOrderForm(forms.Form):
    kind = forms.ChoiceField(label="Вид приказа", choices=APPROVAL_KINDS)
    version = forms.ModelChoiceField(
        label="Редакция Положения",
        queryset=RegulationVersion.objects.filter(approval_order__isnull=True),
        required=False,
        empty_label="— для приказа об утверждении Положения —",
    )
    order_number = forms.CharField(label="Номер приказа", max_length=50)
    order_date = forms.DateField(label="Дата приказа", input_formats=["%d.%m.%Y"])
    signatory_name = forms.CharField(label="Подписал (фамилия и инициалы)", max_length=150)
    signatory_post = forms.CharField(label="Должность подписавшего", max_length=255)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == OrderKind.REGULATION and not data.get("version"):
            self.add_error("version", "Выберите редакцию Положения, которую утверждает приказ.")
        return data


def _allowed(request: HttpRequest) -> None:
    if not access.can_change_regulation(request.user):
        raise Http404


@login_required
def order_list(request: HttpRequest) -> HttpResponse:
    """List the register; record an order approving the Положение or the programme."""
    _allowed(request)
    if request.method == "POST":
        form = ApprovalOrderForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    order = order_create(
                        number=data["order_number"],
                        date=data["order_date"],
                        kind=data["kind"],
                        title=default_title(data["kind"]),
                        signatory_name=data["signatory_name"],
                        signatory_post=data["signatory_post"],
                        actor=request.user,
                        request=request,
                    )
                    if data["kind"] == OrderKind.REGULATION:
                        RegulationVersion.objects.filter(pk=data["version"].pk).update(
                            approval_order=order
                        )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                messages.success(request, f"Приказ {order.reference} записан в реестр.")
                return redirect("governance:order_list")
        status = 400
    else:
        form = ApprovalOrderForm(initial=order_suggested_requisites(timezone.localdate()))
        status = 200
    orders = Order.objects.select_related("created_by").order_by("-date", "-id")
    return render(
        request,
        "governance/order_list.html",
        {"orders": orders, "form": form, "approval_kinds": dict(APPROVAL_KINDS)},
        status=status,
    )


@login_required
def order_document(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve the document of an order approving the Положение or the programme."""
    _allowed(request)
    order = get_object_or_404(Order, pk=pk, kind__in=[OrderKind.REGULATION, OrderKind.PROGRAMME])
    response = HttpResponse(approval_order_document(order), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="prikaz-{order.kind}-{order.date:%Y-%m-%d}-{order.pk}.docx"'
    )
    return response

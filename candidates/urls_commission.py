"""URL routes of the selection stage: commission side and the reserve."""

from django.urls import path

from candidates.views import commission, commission_attendance, commission_documents, membership

urlpatterns = [
    path("commissions/", commission.commission_list, name="commission_list"),
    path("meetings/", commission.meeting_list, name="meeting_list"),
    path("meetings/new/", commission.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", commission.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/agenda/", commission.agenda_add, name="agenda_add"),
    path(
        "meetings/<int:pk>/agenda/extension/",
        commission.agenda_add_extension,
        name="agenda_add_extension",
    ),
    path("meetings/<int:pk>/open/", commission_attendance.meeting_open, name="meeting_open"),
    path(
        "meetings/<int:pk>/attendance/",
        commission_attendance.meeting_attendance,
        name="meeting_attendance",
    ),
    path("meetings/<int:pk>/close/", commission_attendance.meeting_close, name="meeting_close"),
    path(
        "meetings/<int:pk>/protocol.docx",
        commission_documents.meeting_protocol_docx,
        name="meeting_protocol_docx",
    ),
    path(
        "meetings/<int:pk>/order/",
        commission_documents.meeting_order_record,
        name="meeting_order_record",
    ),
    path(
        "meetings/<int:pk>/order.docx",
        commission_documents.meeting_order_docx,
        name="meeting_order_docx",
    ),
    path(
        "meetings/<int:pk>/extension-order/",
        commission_documents.meeting_extension_order_record,
        name="meeting_extension_order_record",
    ),
    path(
        "meetings/<int:pk>/extension-order.docx",
        commission_documents.meeting_extension_order_docx,
        name="meeting_extension_order_docx",
    ),
    path(
        "orders/<int:pk>/exclusion.docx",
        commission_documents.exclusion_order_docx,
        name="exclusion_order_docx",
    ),
    path("agenda/<int:pk>/vote/", commission.vote, name="agenda_vote"),
    path("agenda/<int:pk>/decide/", commission.decide, name="agenda_decide"),
    path("reserve/", membership.membership_list, name="membership_list"),
    path("reserve/<int:pk>/", membership.membership_detail, name="membership_detail"),
    path(
        "reserve/<int:pk>/exclude/",
        membership.membership_exclude_view,
        name="membership_exclude",
    ),
    path(
        "reserve/<int:pk>/extension/",
        membership.membership_extension_propose,
        name="membership_extension_propose",
    ),
]

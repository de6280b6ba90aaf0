"""Every write the events app knows (re-exported from its parts)."""

from .agenda import add_material, conflicts, copy_agenda, delete_session, next_start, save_session
from .attendance import check_in, code_from_scan, undo_check_in, upload_attendance_scan
from .certificates import eligible, issue_certificate
from .events import delete_venue, invite_person, remove_invitee, save_venue, set_up_event, update_event
from .needs import add_topic, submit_needs
from .notices import programme_pending, qr_svg, send_invitations, send_programme_now, send_programmes, send_reminders
from .registration import (
    accept_offer,
    cancel_registration,
    decide_single_room,
    expire_offers,
    meal_choices,
    register,
    update_registration,
)
from .rooms import pair_rooms, remove_room, set_room

__all__ = [
    "accept_offer",
    "add_material",
    "add_topic",
    "cancel_registration",
    "check_in",
    "code_from_scan",
    "conflicts",
    "copy_agenda",
    "decide_single_room",
    "delete_session",
    "delete_venue",
    "eligible",
    "expire_offers",
    "invite_person",
    "issue_certificate",
    "meal_choices",
    "next_start",
    "pair_rooms",
    "programme_pending",
    "qr_svg",
    "register",
    "remove_invitee",
    "remove_room",
    "save_session",
    "save_venue",
    "send_invitations",
    "send_programme_now",
    "send_programmes",
    "send_reminders",
    "set_room",
    "set_up_event",
    "submit_needs",
    "undo_check_in",
    "update_event",
    "update_registration",
    "upload_attendance_scan",
]

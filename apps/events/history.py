"""How the events services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "events.venue_created": _("Dodano miejsce wydarzeń"),
        "events.venue_updated": _("Zmieniono miejsce wydarzeń"),
        "events.venue_deleted": _("Usunięto miejsce wydarzeń"),
        "events.programme_sent": _("Organizator wysłał program wydarzenia"),
        "events.event_created": _("Przygotowano wydarzenie"),
        "events.event_updated": _("Zmieniono wydarzenie"),
        "events.person_invited": _("Zaproszono osobę na wydarzenie"),
        "events.invitee_removed": _("Usunięto osobę z zaproszonych"),
        "events.invitations_sent": _("Wysłano zaproszenia na wydarzenie"),
        "events.topic_added": _("Dodano temat do oceny"),
        "events.needs_submitted": _("Uczestnik ocenił tematy lub zaproponował własny"),
        "events.session_created": _("Dodano blok programu"),
        "events.session_updated": _("Zmieniono blok programu"),
        "events.session_deleted": _("Usunięto blok programu"),
        "events.material_added": _("Dodano materiał do bloku programu"),
        "events.agenda_copied": _("Skopiowano program z innego wydarzenia"),
        "events.registered": _("Zarejestrowano na wydarzenie"),
        "events.waitlisted": _("Wpisano na listę rezerwową"),
        "events.registration_updated": _("Zmieniono zgłoszenie na wydarzenie"),
        "events.registration_cancelled": _("Anulowano zgłoszenie na wydarzenie"),
        "events.place_offered": _("Zaproponowano zwolnione miejsce"),
        "events.offer_accepted": _("Przyjęto zwolnione miejsce"),
        "events.offer_expired": _("Minął czas na przyjęcie miejsca"),
        "events.single_room_approved": _("Zatwierdzono pokój jednoosobowy"),
        "events.single_room_refused": _("Nie zatwierdzono pokoju jednoosobowego"),
        "events.rooms_paired": _("Dobrano osoby do pokoi"),
        "events.room_set": _("Organizator ustalił pokój"),
        "events.room_removed": _("Usunięto przydział pokoju"),
        "events.checked_in": _("Potwierdzono obecność"),
        "events.check_in_undone": _("Cofnięto potwierdzenie obecności"),
        "events.certificate_issued": _("Wystawiono zaświadczenie o udziale"),
        "events.attendance_scan_uploaded": _("Dodano skan podpisanej listy obecności"),
    }
)

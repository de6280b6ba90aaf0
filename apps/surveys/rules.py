"""Who may do what with surveys. The organiser's staff build and run the surveys of their events and editions;
the national coordinator builds the surveys about the model and reads every survey's results. Answering needs
only the one-time link (it is the proof of the invitation); everything else answers 404."""

from apps.core.permissions import rule


@rule("survey.desk")
def can_use_desk(user, roles, obj=None):
    """The "Ankiety" menu entry and the list of surveys."""
    return roles.is_organiser_staff or roles.is_coordinator


@rule("survey.manage")
def can_manage(user, roles, survey=None):
    """Build, change and publish a survey: its organiser's staff; a survey about the model: the coordinator."""
    if survey is None:
        return roles.is_organiser_staff or roles.is_coordinator
    if survey.scope == "model":
        return roles.is_coordinator
    return survey.organiser_id in roles.staff_of


@rule("survey.results")
def can_see_results(user, roles, survey):
    """Results, exports and the PDF report: who manages it and the coordinator."""
    return roles.is_coordinator or can_manage(user, roles, survey)


@rule("survey.mine")
def has_account(user, roles, obj=None):
    """The person's own invitations ("Moje ankiety"): anyone signed in (the page lists only their own)."""
    return roles.is_authenticated

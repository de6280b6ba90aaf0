"""The load-test seed (``seed_loadtest``) and the scenarios' request sequences (loadtest/flows.py), end to end
against a live server on a tiny scale: if a form field, a URL or a redirect the scenarios rely on changes, this
fails here, not in a load test on the cluster."""

import json
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.models import Membership, User
from apps.demo import loadtest, scale
from apps.events.models import CheckIn
from apps.recruitment.models import Application, DocumentReceipt
from loadtest import flows

TINY = scale.Size(engagements=6, advisors=2, actions=1, applications=6, long_plan_actions=2)
SMALL_LOAD = {"staff": 2, "officials": 3, "participants": 3}


def _seed(tmp_path) -> dict:
    scale.build(TINY)
    out = tmp_path / "loadtest.json"
    call_command("seed_loadtest", out=str(out), pdf=str(tmp_path / "signed.pdf"), **SMALL_LOAD)
    return json.loads(out.read_text())


@pytest.mark.django_db
def test_the_seed_writes_accounts_with_password_and_totp_and_the_file(tmp_path):
    data = _seed(tmp_path)
    assert len(data["organisers"]) == 2 and len(data["event"]["participants"]) == 3
    assert len(data["officials"]) == 3 and data["advisors"]
    for row in data["organisers"] + data["advisors"]:
        user = User.objects.get(email=row["email"])
        assert user.check_password(data["password"])
        assert TOTPDevice.objects.get(user=user, confirmed=True).key == row["totp_key"]
    organiser = User.objects.get(email=data["organisers"][0]["email"])
    assert Membership.objects.filter(user=organiser, role=Membership.Role.STAFF).exists()
    assert all(User.objects.get(email=p["email"]).check_password(data["password"]) for p in data["officials"])
    assert data["call"]["jst_codes"] and data["event"]["day"]
    assert (tmp_path / "signed.pdf").read_bytes().startswith(b"%PDF")
    # A second run resets the morning and gives new secrets; nothing is duplicated.
    again = _seed(tmp_path)
    assert again["organisers"][0]["totp_key"] != data["organisers"][0]["totp_key"]
    assert TOTPDevice.objects.filter(user=organiser).count() == 1


@pytest.mark.django_db
def test_the_seed_refuses_production_settings_and_other_databases(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    with pytest.raises(CommandError, match="production settings"):
        call_command("seed_loadtest", out=str(tmp_path / "x.json"), pdf=str(tmp_path / "x.pdf"), **SMALL_LOAD)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.test")
    monkeypatch.setitem(connection.settings_dict, "NAME", "doradztwo")
    with pytest.raises(CommandError, match="not the bench's or the cluster's"):
        call_command("seed_loadtest", out=str(tmp_path / "x.json"), pdf=str(tmp_path / "x.pdf"), **SMALL_LOAD)
    assert not (tmp_path / "x.json").exists()


@pytest.mark.django_db
def test_the_seed_needs_the_scale_data(tmp_path):
    with pytest.raises(CommandError, match="seed_scale first"):
        call_command("seed_loadtest", out=str(tmp_path / "x.json"), pdf=str(tmp_path / "x.pdf"), **SMALL_LOAD)


def _link_for(address: str) -> str | None:
    for message in mail.outbox:
        if address in message.to:
            found = flows.MailBox.LINK.search(message.body)
            if found:
                return found.group(0)
    return None


@pytest.mark.django_db(transaction=True)
def test_the_scenarios_run_end_to_end_against_a_live_server(live_server, tmp_path):
    data = _seed(tmp_path)
    base = live_server.url
    run = "t1"
    address = f"{loadtest.applicant_prefix(run)}0.0@{data['applicant_domain']}"
    pdf = (tmp_path / "signed.pdf").read_bytes()

    # Deadline day: an applicant signs up, confirms the address from the e-mail, fills the Karta and submits.
    with flows.PlainSession() as applicant:
        flows.sign_up(
            applicant, base, data["call"], email_address=address, full_name="Jan Próba", password=data["password"]
        )
        flows.confirm_email(applicant, base, _link_for(address))
        pk = flows.start_application(applicant, base, data["call"], data["call"]["jst_codes"][:3])
        flows.fill_application(applicant, base, pk, tag="t1-0")
        assert flows.submit(applicant, base, pk)
        assert flows.submit(applicant, base, pk)  # a repeated submit finds it submitted, nothing doubles
        flows.upload_signed(applicant, base, pk, data["call"]["documents"][0], pdf)
    application = Application.objects.get(pk=pk)
    assert application.submitted_at and application.applicant.email == address
    assert DocumentReceipt.objects.get(application=application).signatures

    # ... and the count of submissions of the run matches what was recorded, or the command fails.
    recorded = tmp_path / "submitted"
    recorded.mkdir()
    (recorded / f"{run}-1.json").write_text(json.dumps({"submitted": [pk]}))
    call_command("loadtest_count", run=run, dir=str(recorded))
    (recorded / f"{run}-2.json").write_text(json.dumps({"submitted": [pk + 1000]}))
    with pytest.raises(CommandError, match="recorded but not in the database"):
        call_command("loadtest_count", run=run, dir=str(recorded))

    # The staff sign in with password and TOTP: the desk, a review, a check-in at the event desk.
    organiser = data["organisers"][0]
    with flows.PlainSession() as staff:
        flows.sign_in(
            staff, base, email_address=organiser["email"], password=data["password"], totp_key=organiser["totp_key"]
        )
        flows.open_pages(staff, base, data["desk"]["pages"] + data["desk"]["reviews"][:1] + data["organiser_pages"])
        participant = data["event"]["participants"][0]
        flows.check_in(staff, base, data["event"], participant["code"])
    assert CheckIn.objects.filter(registration__code=participant["code"]).count() == 1
    # A second session of the same account in the same 30 seconds gets in with the next window's code.
    with flows.PlainSession() as staff:
        flows.sign_in(
            staff, base, email_address=organiser["email"], password=data["password"], totp_key=organiser["totp_key"]
        )

    # The working day and the event morning: an advisor, a JST official, a participant, the public.
    advisor, official = data["advisors"][0], data["officials"][0]
    with flows.PlainSession() as client:
        flows.sign_in(
            client, base, email_address=advisor["email"], password=data["password"], totp_key=advisor["totp_key"]
        )
        flows.open_pages(client, base, advisor["pages"])
    with flows.PlainSession() as client:
        flows.sign_in(client, base, email_address=official["email"], password=data["password"])
        flows.open_pages(client, base, official["pages"])
    with flows.PlainSession() as client:
        flows.sign_in(client, base, email_address=participant["email"], password=data["password"])
        flows.open_pages(client, base, participant["pages"])
        assert re.search("Otwarcie", client.get(base + participant["pages"][1]).text)
    with flows.PlainSession() as client:
        flows.open_pages(client, base, data["public_pages"])


def test_a_form_field_the_flow_types_must_be_on_the_form():
    form = flows.Form("/x/", "post")
    form.names = {"a"}
    with pytest.raises(flows.FlowError, match="no field 'b'"):
        form.set("b", "1")


def test_the_mailbox_finds_the_confirmation_link_in_the_file_backends_e_mails(tmp_path, settings):
    from django.core.mail import EmailMessage, get_connection

    link = "https://127.0.0.1:8443/konto/potwierdz-adres/NTU/d1e2f3-0123456789abcdef/?next=/nabory/x/zgloszenie/"
    connection = get_connection("django.core.mail.backends.filebased.EmailBackend", file_path=str(tmp_path))
    body = f"Dzień dobry, zażółć gęślą jaźń.\n\nPotwierdź adres: {link}\n" + "x " * 600
    EmailMessage("Potwierdź adres", body, to=["Zgl.1@obciazenie.example"], connection=connection).send()
    EmailMessage("Inna", "Bez linku.", to=["inny@obciazenie.example"], connection=connection).send()
    mailbox = flows.MailBox(tmp_path)
    assert mailbox("zgl.1@obciazenie.example") == link
    assert (
        flows.confirmation_path(link)
        == "/konto/potwierdz-adres/NTU/d1e2f3-0123456789abcdef/?next=/nabory/x/zgloszenie/"
    )
    assert mailbox("inny@obciazenie.example") is None

import re

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import call_command

from core.roles import CURATOR, REVIEWER, roles_setup

pytestmark = pytest.mark.django_db


def test_curators_edit_records_but_not_users_and_reviewers_only_read():
    roles_setup()
    curator = set(Group.objects.get(name=CURATOR).permissions.values_list("codename", flat=True))
    reviewer = set(Group.objects.get(name=REVIEWER).permissions.values_list("codename", flat=True))
    assert {"add_deal", "change_deal", "delete_deal", "change_company", "add_citation"} <= curator
    assert not {"add_user", "change_user", "change_group"} & curator
    assert reviewer
    assert all(code.startswith("view_") for code in reviewer)
    assert "view_deal" in reviewer


def test_setup_is_idempotent():
    first = roles_setup()
    assert roles_setup() == first
    assert Group.objects.filter(name__in=[CURATOR, REVIEWER]).count() == 2


def test_the_seed_creates_no_user_unless_asked(django_user_model):
    call_command("load_seed")
    assert not django_user_model.objects.exists()


def test_demo_users_get_fresh_random_passwords(capsys, django_user_model):
    call_command("load_seed", "--demo-users")
    output = capsys.readouterr().out
    passwords = dict(re.findall(r"^(demo-\w+) \(\w+\) password: (\S+)$", output, re.MULTILINE))
    assert set(passwords) == {"demo-curator", "demo-reviewer"}
    curator = authenticate(username="demo-curator", password=passwords["demo-curator"])
    assert curator.groups.filter(name=CURATOR).exists()
    call_command("load_seed", "--demo-users")
    again = dict(re.findall(r"^(demo-\w+) \(\w+\) password: (\S+)$", capsys.readouterr().out, re.M))
    assert again["demo-curator"] != passwords["demo-curator"]

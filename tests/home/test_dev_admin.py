import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_dev_admin_is_refused_outside_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin")


@pytest.mark.django_db
def test_dev_admin_prints_a_working_login(
    settings, tmp_path, monkeypatch, capsys, client, home_page
):
    from home.management.commands import ensure_dev_admin

    settings.DEBUG = True
    monkeypatch.setattr(ensure_dev_admin, "LOGIN_FILE", tmp_path / "login")
    call_command("ensure_dev_admin")
    out = capsys.readouterr().out
    username = out.split("user: ")[1].split()[0]
    password = out.split("password: ")[1].split()[0]
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    call_command("ensure_dev_admin")
    assert f"password: {password}" in capsys.readouterr().out

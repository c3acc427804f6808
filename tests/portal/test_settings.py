"""Production settings start only with a real secret key and host names, and then pass
Django's deployment checks. Each case runs in a fresh Python process, as a server would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k7#Qv9!xT2@pL5$wR8^zN3&bM6*cJ1(dF4)hG0_sY-uE+aO=iW[eK]" * 2
SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def run(args, **env_changes):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


REFUSED = {
    "no secret key": {"DJANGO_ALLOWED_HOSTS": "kooperacja.example.org"},
    "short secret key": {
        "DJANGO_SECRET_KEY": "too-short",
        "DJANGO_ALLOWED_HOSTS": "kooperacja.example.org",
    },
    "no allowed hosts": {"DJANGO_SECRET_KEY": GOOD_KEY},
    "empty allowed hosts": {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": " , "},
}


@pytest.mark.parametrize(("case", "env"), REFUSED.items(), ids=REFUSED.keys())
def test_production_refuses_to_start_without_secrets(case, env):
    result = run(["-c", SETUP], **env)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    expected = "DJANGO_ALLOWED_HOSTS" if "hosts" in case else "DJANGO_SECRET_KEY"
    assert expected in result.stderr


def test_deploy_checks_pass():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="kooperacja.example.org,www.kooperacja.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    # (--deploy would also have warned about DEBUG on.)

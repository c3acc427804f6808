"""Password rules added to Django's (portal/settings/base.py, AUTH_PASSWORD_VALIDATORS).

Django's list of common passwords is English. Here people reach the twelve characters by
tacking digits and signs onto a Polish word ("Kochanie2024!", "Polska123456"), or use their
own name or e-mail address, which anyone who knows them can guess."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Words and keyboard runs seen most in Polish password leaks, and the words of this site.
# Compared after letter case, Polish letters and the digits and signs around them are set
# aside, so that each stands for its variants ("Haslo123!!!", "HASŁO2024").
POLISH_COMMON = frozenset(
    """
    haslo haselko kochanie kochamcie kochamciebie misiek misio slonko sloneczko zabka
    kotek kotku skarb skarbie aniolek bozia dupa polska polak polskajest qwerty qwertyuiop
    qwertyuiopasdfghjkl asdfgh asdfghjkl zxcvbnm zaqwsx zaqxsw qazwsx wsxzaq zaqwsxcde
    zaqwsxedc qazwsxedc qweasd qweasdzxc
    mateusz marcin michal bartek kasia agnieszka monika natalia magda karolina dominika
    tomek piotrek krzysiek lukasz kacper jakub szymon kamil paulina justyna patrycja ola
    legia lech wisla cracovia lechpoznan legiawarszawa warszawa krakow gdansk wroclaw poznan
    lodz szczecin lublin katowice bialystok kielce mama tata mamusia tatus babcia dziadek
    rodzina dzieci jezus maryja bog wakacje lato zima wiosna jesien kwiatek kwiatuszek
    pilkanozna pilka komputer internet tajne tajnehaslo mojehaslo nowehaslo starehaslo
    zmienhaslo zmiana witaj witam czesc siema elo admin administrator uzytkownik
    kooperacja kooperacje modelkooperacji pomocspoleczna pomoc gops mops ops pcpr oik
    rodzinka asystent asystentrodziny pracowniksocjalny urzad gmina powiat szkola
    """.split()
)

# The user's fields a password must not contain, and the shortest part that counts.
PERSONAL_FIELDS = ("first_name", "last_name", "username", "email")
MIN_PART = 4


def fold(text):
    """Lower case, without Polish diacritics (ł included, which has no decomposition)."""
    text = text.lower().replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def letters(text):
    return "".join(char for char in fold(text) if char.isalpha())


class PolishCommonPasswordValidator:
    def validate(self, password, user=None):
        core = letters(password)
        if not core:
            return
        if core in POLISH_COMMON or any(
            core == word * (len(core) // len(word))
            for word in POLISH_COMMON
            if core.startswith(word)
        ):
            raise ValidationError(
                _(
                    "This password is a common word with digits or signs added, which is "
                    "guessed first. Choose a few unrelated words or a longer phrase."
                ),
                code="password_polish_common",
            )

    def get_help_text(self):
        return _("Your password cannot be a common word with only digits or signs added.")


def personal_parts(user):
    parts = set()
    for field in PERSONAL_FIELDS:
        value = getattr(user, field, "") or ""
        if field == "email":
            value = value.split("@")[0]
        for piece in value.replace(".", " ").replace("-", " ").replace("_", " ").split():
            piece = letters(piece)
            if len(piece) >= MIN_PART:
                parts.add(piece)
    return parts


class PersonalDataPasswordValidator:
    """Refuses a password that contains the person's first or last name, user name or the
    part of the e-mail address before @ (Django's own check only compares whole strings)."""

    def validate(self, password, user=None):
        if user is None:
            return
        core = letters(password)
        if any(part in core for part in personal_parts(user)):
            raise ValidationError(
                _("The password must not contain your name, user name or e-mail address."),
                code="password_personal_data",
            )

    def get_help_text(self):
        return _("Your password cannot contain your name, user name or e-mail address.")

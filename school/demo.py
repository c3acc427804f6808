"""The e-School's part of the demo site: the course index (/pl/e-szkola/, /en/e-school/),
four courses from the seeds with their modules, lessons and quizzes (school.demo_courses),
and, where the site has demo accounts, invented learners at various stages: some just
enrolled, some half-way, some finished with a certificate (one corrected, one revoked),
in two cohorts of partner cooperation teams of Świętokrzyskie gminas. The demo coordinator
("koordynator") coordinates one of them, so the admin shows what a coordinator sees and
what they do not.

Runs after portal.demo (site, accounts) and catalog.demo (territory, cooperation teams).
Learners' progress goes through school.services, as a learner's clicks would, so the
certificates are issued by the same rule; the dates are then moved into the past so that
the dashboard and the reports look like a course that has been running for some weeks.
Everything is looked up first: a second run creates nothing."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from portal import roles
from portal.demo import ensure_child, ensure_translation
from portal.models import HomePage, User
from school import services
from school.certificates import reissue, revoke
from school.demo_courses import COURSES, ISSUER
from school.models import (
    Certificate,
    CertificateEvent,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
)

INDEX = {
    "title": "e-Szkoła Kooperacji",
    "summary": (
        "Kursy dla członków partnerskich zespołów kooperacji, animatorów i pracowników "
        "instytucji pomocy i integracji społecznej."
    ),
    "intro": (
        "<p>e-Szkoła Kooperacji to platforma Modelu kooperacji prowadzona przez regionalny "
        "ośrodek polityki społecznej. Kursy przygotowują do wspólnej pracy instytucji z "
        "osobami i rodzinami: od zasad kooperacji, przez pracę z rodziną, po prowadzenie "
        "spotkań zespołu i dialog motywujący. Po ukończeniu kursu otrzymasz zaświadczenie z "
        "kodem, który każdy może sprawdzić na tej stronie.</p>"
    ),
}
INDEX_EN = {
    "title": "e-School of Cooperation",
    "slug": "e-school",
    "summary": (
        "Courses for members of partner cooperation teams, animators and staff of social "
        "assistance and integration institutions."
    ),
    "intro": (
        "<p>The e-School of Cooperation is the learning platform of the Model of cooperation, "
        "run by the regional social policy centre. Its courses prepare institutions to work "
        "together with people and families: from the principles of cooperation, through work "
        "with the family, to running team meetings and motivational interviewing. A completed "
        "course earns a certificate with a code anyone can check on this site. The lessons "
        "are in Polish.</p>"
    ),
}

COHORTS = [
    # key, name, description, coordinated by, cooperation team (a part of its name)
    (
        "bieliny",
        "Partnerski Zespół Kooperacji Gminy Bieliny – Szkoła Kooperacji",
        "Członkowie partnerskiego zespołu kooperacji gminy Bieliny i powiatu kieleckiego, "
        "zapisani razem na kursy Szkoły Kooperacji.",
        "koordynator",
        "Gminy Bieliny",
    ),
    (
        "lopuszno",
        "Partnerski Zespół Kooperacji Gminy Łopuszno – kursy specjalistyczne",
        "Pracownicy instytucji gminy Łopuszno i powiatu kieleckiego, którzy pogłębiają "
        "umiejętności pracy z rodziną i prowadzenia spotkań zespołu.",
        None,
        "Gminy Łopuszno",
    ),
]

BASIC = "szkola-kooperacji-poziom-podstawowy"
FAMILY = "efektywna-praca-z-rodzina"
MEETINGS = "spotkania-zespolu-z-udzialem-osoby-lub-rodziny"
MOTIVATIONAL = "dialog-motywujacy-w-pracy-socjalnej"
ALL = None  # every lesson of the course

LEARNERS = [
    # username, first name, last name, position, institution, gmina, cohort,
    # [(course, lessons done, days ago the learner enrolled)]
    (
        "uczestnik",
        None,
        None,
        "pracownica socjalna",
        "Gminny Ośrodek Pomocy Społecznej w Bielinach",
        "Bieliny",
        "bieliny",
        [(BASIC, ALL, 60), (FAMILY, 3, 20), (MOTIVATIONAL, 0, 2)],
    ),
    (
        "anna.wisniewska",
        "Anna",
        "Wiśniewska",
        "asystentka rodziny",
        "Gminny Ośrodek Pomocy Społecznej w Bielinach",
        "Bieliny",
        "bieliny",
        [(BASIC, ALL, 75), (FAMILY, ALL, 45), (MEETINGS, 2, 10)],
    ),
    (
        "katarzyna.lecka",
        "Katarzyna",
        "Lecka",  # as she first typed it: the certificate is corrected below
        "pedagożka szkolna",
        "Szkoła Podstawowa w Bielinach",
        "Bieliny",
        "bieliny",
        [(BASIC, ALL, 50)],
    ),
    (
        "grzegorz.kakol",
        "Grzegorz",
        "Kąkol",
        "doradca zawodowy",
        "Powiatowy Urząd Pracy w Kielcach",
        "Bieliny",
        "bieliny",
        [(BASIC, ALL, 40)],
    ),
    (
        "tomasz.dabrowski",
        "Tomasz",
        "Dąbrowski",
        "dzielnicowy",
        "Komenda Miejska Policji w Kielcach",
        "Bieliny",
        "bieliny",
        [(BASIC, 1, 12)],
    ),
    (
        "barbara.zmuda",
        "Barbara",
        "Żmuda",
        "bibliotekarka",
        "Gminna Biblioteka Publiczna w Bielinach",
        "Bieliny",
        "bieliny",
        [(BASIC, 0, 3)],
    ),
    (
        "michal.zielinski",
        "Michał",
        "Zieliński",
        "kierownik ośrodka",
        "Gminny Ośrodek Pomocy Społecznej w Łopusznie",
        "Łopuszno",
        "lopuszno",
        [(BASIC, ALL, 90), (MEETINGS, ALL, 50), (MOTIVATIONAL, 2, 15)],
    ),
    (
        "ewelina.pajak",
        "Ewelina",
        "Pająk",
        "instruktorka",
        "Gminny Ośrodek Kultury w Łopusznie",
        "Łopuszno",
        "lopuszno",
        [(MOTIVATIONAL, ALL, 35)],
    ),
]

# Certificates changed after issue, to show the history and the verification page.
NAME_CORRECTIONS = {("katarzyna.lecka", BASIC): "Katarzyna Łęcka"}
REVOCATIONS = {
    ("grzegorz.kakol", BASIC): (
        "Kurs przeszły dwie osoby na jednym koncie. Uczestnik przejdzie go ponownie na "
        "własnym koncie."
    )
}
# One learner needed two attempts at a quiz: the first answer to every question is chosen.
SECOND_TRY = {("anna.wisniewska", FAMILY)}


def build(report):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return []
    index = ensure_child(home, CourseIndexPage, "e-szkola", report, show_in_menus=True, **INDEX)
    ensure_translation(index, "en", report, **INDEX_EN)
    courses = {}
    for data in COURSES:
        courses[data["slug"]] = ensure_course(index, data, courses, report)
    if settings.DEMO_ACCOUNTS:
        cohorts = ensure_cohorts(report)
        ensure_learners(courses, cohorts, report)
    return []


# Pages ----------------------------------------------------------------------------------


def ensure_course(index, data, courses, report):
    course = index.get_children().filter(slug=data["slug"]).first()
    if course is None:
        course = CoursePage(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            level=data["level"],
            format=data["format"],
            hours=Decimal(data["hours"]),
            audience=data["audience"],
            learning_outcomes=data["outcomes"],
            completion_rule="all_lessons",
            enrolment_open=True,
            issuer=ISSUER,
        )
        course.prerequisites = [courses[slug] for slug in data.get("prerequisites", [])]
        index.add_child(instance=course)
        course.save_revision().publish()
        report.add(f"course {course.title}")
    else:
        course = course.specific
    for module_data in data["modules"]:
        module = ensure_child(
            course,
            ModulePage,
            module_data["slug"],
            report,
            title=module_data["title"],
            intro=f"<p>{module_data['intro']}</p>",
            summary=module_data["intro"],
        )
        for lesson_data in module_data["lessons"]:
            ensure_child(
                module,
                LessonPage,
                lesson_data["slug"],
                report,
                title=lesson_data["title"],
                estimated_minutes=lesson_data["minutes"],
                body=lesson_data["body"],
                quiz=lesson_data.get("quiz", []),
                pass_mark=70,
                max_attempts=3,
            )
    english = data["en"]
    ensure_translation(
        course,
        "en",
        report,
        title=english["title"],
        slug=english["slug"],
        summary=english["summary"],
        description=english["description"].replace("{polish_url}", course.get_url_parts()[2]),
        audience=english["audience"],
        learning_outcomes=english["outcomes"],
    )
    return course


# Learners -------------------------------------------------------------------------------


def ensure_cohorts(report):
    from catalog.models import CooperationTeam

    cohorts = {}
    for key, name, description, coordinator, team_name in COHORTS:
        cohort = Cohort.objects.filter(name=name).first()
        if cohort is None:
            team = CooperationTeam.objects.filter(kind="pzk", name__contains=team_name).first()
            cohort = Cohort.objects.create(
                name=name, description=description, cooperation_team=team
            )
            if coordinator:
                user = User.objects.filter(username=coordinator).first()
                if user:
                    cohort.coordinators.add(user)
            report.add(f"cohort {name}")
        cohorts[key] = cohort
    return cohorts


def _gmina(name):
    from catalog.models import Territory

    # Świętokrzyskie (TERYT 26): gmina names repeat across the country.
    return Territory.objects.filter(level="gmina", name=name, code__startswith="26").first()


def _learner(username, first_name, last_name, position, institution, gmina, report):
    user = User.objects.filter(username=username).first()
    if user is None and first_name is None:
        return None  # a role account that portal.demo did not make
    if user is None:
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
        )
        # Invented people: nobody signs in as them.
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=roles.TRAINEE))
        report.add(f"learner {username}")
    changed = []
    for field, value in [("position", position), ("institution_name", institution)]:
        if not getattr(user, field) and not (field == "institution_name" and user.institution_id):
            setattr(user, field, value)
            changed.append(field)
    if user.gmina_id is None:
        user.gmina = _gmina(gmina)
        if user.gmina is not None:
            changed.append("gmina")
    if changed:
        user.save(update_fields=changed)
    return user


def ensure_learners(courses, cohorts, report):
    coordinator = User.objects.filter(username="koordynator").first()
    lessons = services.lessons_of(list(courses.values()))
    for username, first, last, position, institution, gmina, cohort_key, plans in LEARNERS:
        user = _learner(username, first, last, position, institution, gmina, report)
        if user is None:
            continue
        cohort = cohorts[cohort_key]
        if not cohort.members.filter(pk=user.pk).exists():
            cohort.members.add(user)
        for slug, done, days_ago in plans:
            course = courses[slug]
            if Enrolment.objects.filter(user=user, course=course).exists():
                continue
            enrolment = services.enrol(
                user,
                course,
                by=coordinator if cohort.coordinators.exists() else None,
                source=EnrolmentSource.COHORT,
                cohort=cohort,
            )
            course_lessons = lessons[course.pk]
            todo = course_lessons if done is ALL else course_lessons[:done]
            for lesson in todo:
                _work_through(enrolment, lesson, (username, slug) in SECOND_TRY)
            _into_the_past(enrolment, days_ago)
            _after_issue(enrolment, (username, slug), coordinator)
            report.add(f"enrolment {username} – {course.title}")


def _work_through(enrolment, lesson, second_try):
    """What a learner does in a lesson: read it, and pass its quiz if it has one."""
    services.mark_read(enrolment, lesson)
    if not lesson.has_quiz:
        return
    questions = services.questions(lesson)
    if second_try:
        services.submit_quiz(enrolment, lesson, {block.id: [0] for block in questions})
    right = {
        block.id: [n for n, choice in enumerate(block.value["choices"]) if choice["correct"]]
        for block in questions
    }
    services.submit_quiz(enrolment, lesson, right)


def _into_the_past(enrolment, days_ago):
    """Spread the learner's work over the days since they enrolled: a lesson every other
    day, in the afternoon."""
    start = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0)
    start -= datetime.timedelta(days=days_ago)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=start)
    progress = list(LessonProgress.objects.filter(enrolment=enrolment).order_by("lesson__path"))
    when = start
    for step, item in enumerate(progress, start=1):
        when = start + datetime.timedelta(days=2 * step, hours=7)
        item.read_at = when
        if item.completed_at:
            item.completed_at = when + datetime.timedelta(minutes=20)
        QuizAttempt.objects.filter(enrolment=enrolment, lesson_id=item.lesson_id).update(
            submitted_at=when + datetime.timedelta(minutes=15)
        )
    LessonProgress.objects.bulk_update(progress, ["read_at", "completed_at"])
    last = when + datetime.timedelta(minutes=20) if progress else None
    enrolment.refresh_from_db()
    fields = {"last_activity_at": last}
    if enrolment.completed_at:
        fields["completed_at"] = last
    Enrolment.objects.filter(pk=enrolment.pk).update(**fields)
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    if certificate and last:
        Certificate.objects.filter(pk=certificate.pk).update(issued_on=timezone.localdate(last))
        certificate.events.filter(kind="issued").update(at=last)


def _after_issue(enrolment, key, coordinator):
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    if certificate is None:
        return
    if key in NAME_CORRECTIONS:
        new_name = NAME_CORRECTIONS[key]
        reissue(certificate, new_name, by=coordinator)
        first, last = new_name.split(" ", 1)
        User.objects.filter(pk=enrolment.user_id).update(first_name=first, last_name=last)
        _backdate_last_event(certificate, days_after_issue=3)
    if key in REVOCATIONS:
        revoke(certificate, REVOCATIONS[key], by=coordinator)
        _backdate_last_event(certificate, days_after_issue=5)


def _backdate_last_event(certificate, days_after_issue):
    certificate.refresh_from_db()
    event = certificate.events.order_by("-pk").first()
    at = timezone.make_aware(
        datetime.datetime.combine(
            certificate.issued_on + datetime.timedelta(days=days_after_issue),
            datetime.time(11, 0),
        )
    )
    at = min(at, timezone.now())
    CertificateEvent.objects.filter(pk=event.pk).update(at=at)
    if certificate.revoked_at:
        Certificate.objects.filter(pk=certificate.pk).update(revoked_at=at)

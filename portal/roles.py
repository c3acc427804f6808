"""The roles of the portal. Group names are stable identifiers used across the apps;
their permissions are filled in by each app's migrations."""

EDITOR = "Editor"
MODERATOR = "Moderator"
TRAINEE = "Trainee"
COACH = "Coach"
COORDINATOR = "Coordinator"
INSTITUTION_EDITOR = "Institution editor"

ALL = [EDITOR, MODERATOR, TRAINEE, COACH, COORDINATOR, INSTITUTION_EDITOR]
# Wagtail's own migrations create these two groups; the roles take them over.
WAGTAIL_GROUPS = {"Editors": EDITOR, "Moderators": MODERATOR}

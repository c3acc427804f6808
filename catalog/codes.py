"""Fixed code lists shared by the catalog and the portal. Codes are stored; labels are
translated. Never rename a code: add a new one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProblemArea(models.TextChoices):
    SENIORS = "seniors", _("older people")
    DISABILITY = "disability", _("disability")
    ADDICTION = "addiction", _("addiction")
    MULTIPLE_DIFFICULTIES = "multiple_difficulties", _("families with multiple difficulties")
    PARENTING = "parenting", _("parenting difficulties")
    VIOLENCE = "violence", _("domestic violence")
    UNEMPLOYMENT = "unemployment", _("unemployment")
    POVERTY = "poverty", _("poverty")
    HOMELESSNESS = "homelessness", _("homelessness")
    HEALTH = "health", _("health and illness")
    CRISIS = "crisis", _("crisis situations")
    COMMUNITY = "community", _("local community")

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


class TargetGroup(models.TextChoices):
    CHILDREN = "children", _("children")
    YOUTH = "youth", _("young people")
    FAMILIES = "families", _("families")
    PARENTS = "parents", _("parents and carers")
    SENIORS = "seniors", _("older people")
    DISABLED = "disabled", _("people with disabilities")
    CARERS = "carers", _("carers of dependent people")
    UNEMPLOYED = "unemployed", _("unemployed people")
    ADDICTED = "addicted", _("people with addictions and their relatives")
    VIOLENCE = "violence", _("people affected by violence")
    HOMELESS = "homeless", _("homeless people")
    CRISIS = "crisis", _("people in crisis")
    FOREIGNERS = "foreigners", _("foreigners")
    PROFESSIONALS = "professionals", _("professionals")
    RESIDENTS = "residents", _("all residents")


class InstitutionType(models.TextChoices):
    OPS = "ops", _("social assistance centre (OPS/GOPS/MOPS/CUS)")
    PCPR = "pcpr", _("poviat family support centre (PCPR)")
    LABOUR_OFFICE = "labour_office", _("labour office")
    POLICE = "police", _("police")
    COURT = "court", _("court and probation service")
    SCHOOL = "school", _("school or kindergarten")
    CLINIC = "clinic", _("psychological and pedagogical clinic")
    HEALTH = "health", _("health care")
    CULTURE = "culture", _("culture centre")
    LIBRARY = "library", _("library")
    NGO = "ngo", _("non-governmental organisation")
    PARISH = "parish", _("parish")
    WOMENS_CIRCLE = "womens_circle", _("rural women's circle")
    DAY_CENTRE = "day_centre", _("day support centre")
    CARE_HOME = "care_home", _("social care home")
    CRISIS_CENTRE = "crisis_centre", _("crisis intervention centre")
    WORKSHOP = "workshop", _("occupational therapy or vocational workshop")
    LOCAL_GOVERNMENT = "local_government", _("local government office")
    ALCOHOL_COMMISSION = "alcohol_commission", _("alcohol problems commission")
    OTHER = "other", _("other")


class ServiceKind(models.TextChoices):
    SERVICE = "service", _("service")
    ACTIVITY = "activity", _("activity")


class Cost(models.TextChoices):
    FREE = "free", _("free of charge")
    PAID = "paid", _("paid")
    PARTLY = "partly", _("partly paid")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    ENDED = "ended", _("ended")


class TeamKind(models.TextChoices):
    PZK = "pzk", _("partner cooperation team (PZK)")
    WZK = "wzk", _("voivodeship cooperation team (WZK)")

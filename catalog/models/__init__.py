from .pages import CatalogPage
from .records import CooperationTeam, Institution, Service, TeamMember
from .search_support import HelpPlan, SynonymGroup, ZeroResultSearch
from .territory import Territory

__all__ = [
    "CatalogPage",
    "CooperationTeam",
    "HelpPlan",
    "Institution",
    "Service",
    "SynonymGroup",
    "TeamMember",
    "Territory",
    "ZeroResultSearch",
]

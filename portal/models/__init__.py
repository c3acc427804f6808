from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .site_settings import FundingLogo, SiteSettings
from .snippets import Project
from .users import User

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FundingLogo",
    "HomePage",
    "Project",
    "SiteSettings",
    "StandardPage",
    "User",
]

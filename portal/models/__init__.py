from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .photos import AbstractPhoto
from .site_settings import FundingLogo, SiteSettings
from .snippets import Project
from .users import User

__all__ = [
    "AbstractPhoto",
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

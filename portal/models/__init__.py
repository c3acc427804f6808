from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage
from .site_settings import FundingLogo, SiteSettings
from .users import User

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "FundingLogo",
    "HomePage",
    "SiteSettings",
    "StandardPage",
    "User",
]

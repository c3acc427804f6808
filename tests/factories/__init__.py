from .portal import (
    CustomImageFactory,
    DocumentFactory,
    FundingLogoFactory,
    HomePageFactory,
    StandardPageFactory,
    UserFactory,
)

__all__ = [
    "CustomImageFactory",
    "DocumentFactory",
    "FundingLogoFactory",
    "HomePageFactory",
    "StandardPageFactory",
    "UserFactory",
]

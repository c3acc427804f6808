from .accessibility import (
    AccessibilityStatementPage,
    AssessmentMethod,
    ComplianceStatus,
    EasyReadPage,
)
from .consultations import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    ConsultationPostulate,
    PostulateKind,
    PostulateStatus,
)
from .galleries import GalleryIndexPage, GalleryPage, GalleryPhoto
from .images import CustomImage, CustomRendition
from .model_pages import ModelPage, PilotFigure, PilotFiguresPage, TrainingFigure
from .pages import BasePage, HomePage, StandardPage
from .photos import AbstractPhoto
from .practices import GoodPracticeIndexPage, GoodPracticePage, GoodPracticePhoto
from .site_settings import FundingLogo, SiteSettings
from .snippets import Project
from .users import User

__all__ = [
    "AccessibilityStatementPage",
    "AssessmentMethod",
    "ComplianceStatus",
    "EasyReadPage",
    "AbstractPhoto",
    "BasePage",
    "ConsultationDocument",
    "ConsultationIndexPage",
    "ConsultationMeeting",
    "ConsultationPage",
    "ConsultationPostulate",
    "CustomImage",
    "CustomRendition",
    "FundingLogo",
    "GalleryIndexPage",
    "GalleryPage",
    "GalleryPhoto",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticePhoto",
    "HomePage",
    "ModelPage",
    "PilotFigure",
    "PilotFiguresPage",
    "PostulateKind",
    "PostulateStatus",
    "Project",
    "SiteSettings",
    "StandardPage",
    "TrainingFigure",
    "User",
]

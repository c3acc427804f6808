from .certificates import Certificate, CertificateEvent, CertificateEventKind, new_code
from .pages import (
    CompletionRule,
    CourseFormat,
    CourseIndexPage,
    CourseLevel,
    CoursePage,
    LessonPage,
    ModulePage,
    original,
)
from .records import (
    Cohort,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    LessonProgress,
    QuizAttempt,
)

__all__ = [
    "Certificate",
    "CertificateEvent",
    "CertificateEventKind",
    "Cohort",
    "CompletionRule",
    "CourseFormat",
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "EnrolmentStatus",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "QuizAttempt",
    "new_code",
    "original",
]

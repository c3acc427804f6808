"""Where each content type may be created in the page tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from portal.models import (
    ConsultationIndexPage,
    ConsultationPage,
    GalleryIndexPage,
    GalleryPage,
    GoodPracticeIndexPage,
    GoodPracticePage,
    HomePage,
    ModelPage,
    PilotFiguresPage,
    StandardPage,
)

INDEXES = {
    GalleryIndexPage: GalleryPage,
    ConsultationIndexPage: ConsultationPage,
    GoodPracticeIndexPage: GoodPracticePage,
}


class TestContentTree(WagtailPageTestCase):
    def test_sections_go_under_the_home_page(self):
        for section in [*INDEXES, ModelPage]:
            with self.subTest(section=section.__name__):
                self.assertCanCreateAt(HomePage, section)
                self.assertCanNotCreateAt(Page, section)
                self.assertCanNotCreateAt(StandardPage, section)
                self.assertAllowedParentPageTypes(section, {HomePage})

    def test_each_index_takes_only_its_own_pages(self):
        for index, child in INDEXES.items():
            with self.subTest(index=index.__name__):
                self.assertAllowedSubpageTypes(index, {child})
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())
                self.assertCanNotCreateAt(HomePage, child)
                for other in set(INDEXES) - {index}:
                    self.assertCanNotCreateAt(other, child)

    def test_pilot_figures_under_the_model_page(self):
        self.assertAllowedSubpageTypes(ModelPage, {PilotFiguresPage})
        self.assertCanCreateAt(ModelPage, PilotFiguresPage)
        self.assertAllowedParentPageTypes(PilotFiguresPage, {ModelPage})
        self.assertCanNotCreateAt(GalleryIndexPage, PilotFiguresPage)
        self.assertAllowedSubpageTypes(PilotFiguresPage, set())

    def test_one_section_of_each_kind_per_home_page(self):
        for section in [*INDEXES, ModelPage]:
            with self.subTest(section=section.__name__):
                self.assertEqual(section.max_count_per_parent, 1)

    def test_good_practices_need_a_moderator(self):
        # Read by the "Moderator approval" workflow set-up.
        self.assertIs(GoodPracticeIndexPage.requires_moderation, True)


def test_a_second_index_cannot_be_added_to_the_same_home_page(site, galleries):
    for home in (site.home_pl, site.home_en):
        home.refresh_from_db()  # numchild changed when the index was added
        assert not GalleryIndexPage.can_create_at(home)
    assert ConsultationIndexPage.can_create_at(site.home_en)

"""Text enlarged to 200 % (WCAG 1.4.4) and a 320 CSS pixel wide screen (WCAG 1.4.10) on every
stop of the accessibility sweep (tests/e2e/test_trust_axe.py): no loss of content.

How the text is enlarged: Chromium's text-only zoom is not reachable from Playwright, so
the test does what a reader does in the browser's settings (Settings > Appearance > Font
size): it doubles the default font size, from 16 to 32 px, through the DevTools protocol
(``Page.setFontSizes``). Everything sized in rem, em or % grows with it, as the root font
size does; sizes in px do not, exactly as for a reader who changed the setting. The page is
then checked at the desktop width, where it must still fit.

"No loss of content" is checked three ways, each in the page itself:

* the page does not scroll sideways (wide tables and the timeline scroll inside their own
  focusable regions, which is allowed);
* no element that hides its overflow (``overflow: hidden`` or ``clip``) holds more text
  than it shows, except the visually hidden helpers meant for screen readers;
* no two interactive elements (links, buttons, fields) overlap, line box by line box, so
  that each can still be seen and used.

Each stop is opened once, at 320 px, then widened and enlarged on the same page. The
sweep's Polish pages are used: Polish words are the longest the site shows."""

import pytest

from tests.e2e import test_trust_axe as axe
from tests.e2e.test_accessibility import NARROW, horizontal_overflow
from tests.e2e.test_trust_axe import STOP_NAMES, visit

pytestmark = pytest.mark.browser

# The sweep's fixtures, made afresh for this module (one browser context of its own).
sweep, sweep_context, sweep_page, trainee_cookie = (
    axe.sweep,
    axe.sweep_context,
    axe.sweep_page,
    axe.trainee_cookie,
)

WIDE = {"width": 1280, "height": 800}
DEFAULT_FONT_PX = 16

LOSSES = """() => {
    const visible = el => {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') return false;
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.height > 1;
    };
    const helper = el => el.closest('.visually-hidden, .skip-link, [hidden], dialog:not([open])');
    const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '');

    const clipped = [];
    for (const el of document.querySelectorAll('body *')) {
        if (helper(el) || !visible(el)) continue;
        const style = getComputedStyle(el);
        const hides = v => v === 'hidden' || v === 'clip';
        const overX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const overY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if ((overX || overY) && el.innerText.trim()) {
            clipped.push(name(el) + ': ' + el.innerText.trim().slice(0, 60));
        }
    }

    const controls = [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
    )].filter(el => !helper(el) && visible(el));
    const boxes = controls.map(el => [...el.getClientRects()].filter(r => r.width && r.height));
    const overlapping = [];
    const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (let i = 0; i < controls.length; i++) {
        for (let j = i + 1; j < controls.length; j++) {
            const a = controls[i], b = controls[j];
            if (a.contains(b) || b.contains(a)) continue;
            if (boxes[i].some(r => boxes[j].some(s => overlap(r, s)))) {
                overlapping.push(name(a) + ' / ' + name(b));
            }
        }
    }
    return {clipped: clipped.slice(0, 10), overlapping: overlapping.slice(0, 10)};
}"""


def assert_no_loss(page, how):
    overflow = horizontal_overflow(page)
    width = page.viewport_size["width"]
    assert overflow["scrollWidth"] <= width, f"{page.url} {how}: scrolls sideways: {overflow}"
    losses = page.evaluate(LOSSES)
    assert not losses["clipped"], f"{page.url} {how}: text cut off: {losses['clipped']}"
    assert not losses["overlapping"], f"{page.url} {how}: controls overlap: {losses['overlapping']}"


def enlarge_text(page, factor):
    """The browser's default font size times `factor` (see the module docstring)."""
    session = page.context.new_cdp_session(page)
    try:
        size = round(DEFAULT_FONT_PX * factor)
        session.send("Page.setFontSizes", {"fontSizes": {"standard": size, "fixed": size}})
    finally:
        session.detach()
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


@pytest.mark.parametrize("name", STOP_NAMES)
def test_no_loss_of_content_at_320_px_and_with_text_at_200_percent(
    sweep_page, sweep, trainee_cookie, name
):
    page = sweep_page
    page.set_viewport_size(NARROW)
    try:
        visit(page, sweep[name], "pl", trainee_cookie)
        assert_no_loss(page, "at 320 px")
        page.set_viewport_size(WIDE)
        assert enlarge_text(page, 2) == 2 * DEFAULT_FONT_PX
        assert_no_loss(page, "with text at 200 %")
    finally:
        enlarge_text(page, 1)

"""The learner journey in the REAL JupyterLab, in a real headless Chromium.

Open the start-here notebook and Module 1, run every cell from the Run menu, use
the practice widgets with the mouse and with the keyboard, write a reply to Rosa
in the `%%reply` cell and get instant feedback, and check that a learner's HTML is
shown as text, never run. Screenshots of each step: artifacts/screenshots/.

Needs Debian's chromium (`bash scripts/install-browser`) and Playwright (requirements-test.txt).
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import LabNotebook, reveal, settle
from course.content import catalogue

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LISTEN = "01_listen/01_listen.ipynb"
START = "00_start_here/00_start_here.ipynb"
STUB = "Replace this line with your answer"
REPLY = ("Rosa, thank you for telling me all this. I'm so sorry nobody came and you had to let the café down. "
         "What do you need most today? I'll call you back by 12:15 with a technician's time. Does that work?")
HOSTILE = "<b>bold</b><script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def listen(browser_context, lab_server, screenshot):
    """Module 1 open in JupyterLab with every cell run once (Run > Run All Cells)."""
    page = browser_context.new_page()
    try:
        nb = LabNotebook(page, lab_server, LISTEN).open()
        screenshot(page, "listen-opened")
        nb.run_all()
        screenshot(page, "listen-after-run-all")
        yield nb
    finally:
        page.close()


def output_of(nb: LabNotebook, source_start: str):
    """The output area of the code cell starting with `source_start`, that cell scrolled into view."""
    cell = nb.code_cell(source_start)
    reveal(cell)
    return cell.locator(".jp-OutputArea")


# --------------------------------------------------------------------------- Run All and the widgets

def test_run_all_runs_every_cell_without_errors(listen):
    prompts = listen.prompts()
    assert prompts and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), \
        f"some cells did not run after Run All Cells: {prompts}"
    assert listen.error_outputs() == []


def test_practice_widgets_render(listen, screenshot):
    radios = output_of(listen, 'lesson.practice("ex1_1")').get_by_role("radio")
    expect(radios).to_have_count(len(catalogue().exercise("ex1_1")["options"]))
    for i in range(radios.count()):
        expect(radios.nth(i)).to_be_visible()
    screenshot(listen.page, "ex1_1-radio-buttons")

    boxes = output_of(listen, 'lesson.practice("ex1_2")').get_by_role("checkbox")
    expect(boxes).to_have_count(len(catalogue().exercise("ex1_2")["phrases"]))
    for i in range(boxes.count()):
        expect(boxes.nth(i)).to_be_visible()
    screenshot(listen.page, "ex1_2-checkboxes")

    menus = output_of(listen, 'lesson.practice("ex1_3")').locator("select")
    expect(menus).to_have_count(len(catalogue().exercise("ex1_3")["items"]))
    for i in range(menus.count()):
        menus.nth(i).scroll_into_view_if_needed()
        expect(menus.nth(i)).to_be_visible()
    screenshot(listen.page, "ex1_3-drop-downs")

    checks = listen.panel.locator(".jp-OutputArea").get_by_role("button", name="Check")
    expect(checks).to_have_count(3)
    for i in range(3):
        checks.nth(i).scroll_into_view_if_needed()
        expect(checks.nth(i)).to_be_visible()


def test_choose_reply_with_the_mouse(listen, screenshot):
    out = output_of(listen, 'lesson.practice("ex1_1")')
    correct = next(o["text"] for o in catalogue().exercise("ex1_1")["options"] if o["correct"])
    assert correct.startswith("That sounds like an awful morning")
    # A learner clicks on the words of the reply they choose.
    out.locator(".widget-radio-box label", has_text=correct).click()
    expect(out.get_by_role("radio", name=correct)).to_be_checked()
    out.get_by_role("button", name="Check").click()
    feedback = out.locator(".ta-box")
    expect(feedback).to_be_visible()
    expect(feedback).to_contain_text("Yes.")
    screenshot(listen.page, "ex1_1-checked-with-mouse")


def test_spot_phrases_with_the_keyboard_only(listen, screenshot):
    """Tab moves between the boxes and to Check, Space ticks, Enter presses Check."""
    out = output_of(listen, 'lesson.practice("ex1_2")')
    phrases = catalogue().exercise("ex1_2")["phrases"]
    boxes = out.get_by_role("checkbox")
    boxes.first.focus()  # as if the learner had tabbed into the exercise
    keyboard = listen.page.keyboard
    for i, phrase in enumerate(phrases):
        expect(boxes.nth(i)).to_be_focused()
        if phrase["escalates"]:
            keyboard.press("Space")
        keyboard.press("Tab")
    check = out.get_by_role("button", name="Check")
    expect(check).to_be_focused()
    keyboard.press("Enter")
    for i, phrase in enumerate(phrases):
        expect(boxes.nth(i)).to_be_checked(checked=phrase["escalates"])
    expect(out.locator(".ta-box")).to_contain_text(f"{len(phrases)} of {len(phrases)} right.")
    screenshot(listen.page, "ex1_2-checked-with-keyboard")


def test_classify_with_the_drop_downs(listen, screenshot):
    out = output_of(listen, 'lesson.practice("ex1_3")')
    items = catalogue().exercise("ex1_3")["items"]
    menus = out.locator("select")
    out.get_by_role("button", name="Check").click()  # too early: asks for every line first
    expect(out.locator(".ta-box")).to_contain_text(f"{len(items)} still to choose")
    for i, item in enumerate(items):
        menus.nth(i).select_option(label=item["category"])
    out.get_by_role("button", name="Check").click()
    expect(out.locator(".ta-box")).to_contain_text(f"{len(items)} of {len(items)} right.")
    screenshot(listen.page, "ex1_3-checked")


# --------------------------------------------------------------------------- writing a reply

@pytest.fixture(scope="module")
def written_reply(listen, screenshot):
    """Replace the stub line of the `%%reply ex1_4` cell with a real reply and run it (Shift+Enter)."""
    cell = listen.code_cell("%%reply ex1_4")
    reveal(cell)
    stub = cell.locator(".cm-line", has_text=STUB)
    expect(stub).to_have_count(1)
    stub.click()
    keyboard = listen.page.keyboard
    keyboard.press("Home")
    keyboard.press("Shift+End")
    keyboard.insert_text(REPLY)
    expect(cell.locator(".cm-content")).to_contain_text(REPLY)
    expect(cell.locator(".cm-content")).not_to_contain_text(STUB)
    keyboard.press("Shift+Enter")
    listen.wait_until_idle()
    out = cell.locator(".jp-OutputArea")
    expect(out).to_contain_text("/ 4")
    reveal(cell)
    screenshot(listen.page, "ex1_4-reply-feedback")
    return out


def test_written_reply_gets_instant_feedback_and_is_saved(listen, written_reply, lab_server, screenshot):
    expect(written_reply).to_contain_text("Your reply to Rosa")
    expect(written_reply).not_to_contain_text("not answered yet")
    assert listen.error_outputs() == []
    # Then the locked grading cell under it: click into it and Shift+Enter.
    grading_cell = listen.code_cell('"""Checks your reply to Rosa')
    grading_cell.locator(".cm-content").click()
    listen.page.keyboard.press("Shift+Enter")
    listen.wait_until_idle()
    grading = grading_cell.locator(".jp-OutputArea")
    expect(grading).to_contain_text("/ 4")
    expect(grading).not_to_contain_text("not answered yet")
    screenshot(listen.page, "ex1_4-grading-cell")
    saved = json.loads((lab_server.home / "progress.json").read_text(encoding="utf-8"))
    assert REPLY in json.dumps(saved["answers"]["ex1_4"], ensure_ascii=False)


def test_reply_feedback_quotes_the_learners_words(written_reply):
    """The notebooks promise feedback "quoting your own words" (<q> elements)."""
    quotes = written_reply.locator("q")
    assert quotes.count() > 0, "the feedback should quote the learner's own sentences"
    texts = quotes.all_inner_texts()
    reply_words = set(re.findall(r"[a-z']{4,}", REPLY.lower()))
    assert any(reply_words & set(re.findall(r"[a-z']{4,}", t.lower())) for t in texts), texts


def test_learner_html_is_shown_as_text_never_run(listen, screenshot):
    page = listen.page
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    # 1. Inside a reply: assessed, and never run or rendered as markup.
    first = listen.type_into_new_cell_at_end(["%%reply ex1_4", REPLY.replace("all this.", f"all this {HOSTILE}.")])
    out = first.locator(".jp-OutputArea")
    expect(out).to_contain_text("/ 4")
    expect(out.locator("script")).to_have_count(0)
    expect(out.locator("b", has_text=re.compile(r"^bold$"))).to_have_count(0)
    for quote in out.locator("q").all_inner_texts():  # when the feedback quotes the reply, it shows the tags as text
        if "bold" in quote:
            assert "<b>bold</b>" in quote
    # 2. Echoed back in a message (an unknown exercise ID): visible as literal text.
    cell = listen.type_into_new_cell_at_end([f"%%reply {HOSTILE}", "Hello Rosa."])
    out = cell.locator(".jp-OutputArea")
    expect(out).to_contain_text("There is no exercise called")
    expect(out.get_by_text("<b>bold</b>", exact=False)).to_be_visible()
    expect(out.locator("script")).to_have_count(0)
    reveal(first)
    screenshot(page, "escaping")
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert listen.error_outputs() == []


# --------------------------------------------------------------------------- plots and layout

def test_plots_render(listen, screenshot):
    images = listen.panel.locator(".jp-OutputArea img")  # the progress chart: a PNG <img> with alt text
    assert images.count() >= 1, "the lesson's progress chart did not appear"
    for i in range(images.count()):
        img = images.nth(i)
        img.scroll_into_view_if_needed()
        expect(img).to_be_visible()
        assert img.evaluate("i => i.complete && i.naturalWidth > 0"), "the plot image did not load"
        assert (img.get_attribute("alt") or "").strip(), "a plot needs alt text for screen-reader users"
    screenshot(listen.page, "plot")


LAYOUT_PROBLEMS = """(out) => {
    const problems = [];
    const labels = [...out.querySelectorAll('.widget-radio-box label')];
    labels.forEach((label, i) => {
        if (label.scrollHeight > label.clientHeight + 1)
            problems.push(`radio option ${i + 1} overflows its ${label.clientHeight}px row: "${label.textContent.slice(0, 40)}…"`);
        const a = label.querySelector('input').getBoundingClientRect();
        labels.slice(i + 1).forEach((other, j) => {
            const b = other.querySelector('input').getBoundingClientRect();
            if (a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right)
                problems.push(`radio button ${i + 1} sits on top of radio button ${i + j + 2}`);
        });
    });
    out.querySelectorAll('.widget-checkbox span, .widget-hbox .widget-html-content').forEach(el => {
        if (el.scrollWidth > el.clientWidth + 1)
            problems.push(`text cut off: "${el.textContent.slice(0, 40)}…" (${el.scrollWidth}px in ${el.clientWidth}px)`);
    });
    const widths = [...out.querySelectorAll('select')].map(s => Math.round(s.getBoundingClientRect().width));
    if (widths.length && Math.max(...widths) - Math.min(...widths) > 2)
        problems.push(`drop-downs squeezed to different widths (${widths.join(', ')} px), so the column is ragged`);
    return problems;
}"""


@pytest.mark.parametrize("width", [1280, 900])
def test_long_option_texts_are_fully_readable(listen, screenshot, width):
    """No practice option is cut off or drawn over another, on a wide and on a narrow window."""
    page = listen.page
    page.set_viewport_size({"width": width, "height": 1000})
    try:
        problems = []
        for exercise in ("ex1_1", "ex1_2", "ex1_3"):
            out = output_of(listen, f'lesson.practice("{exercise}")')
            settle(page)
            problems += [f"{exercise}: {p}" for p in out.evaluate(LAYOUT_PROBLEMS)]
            screenshot(page, f"layout-{width}px-{exercise}")
    finally:
        page.set_viewport_size({"width": 1280, "height": 1000})
    assert problems == []


# --------------------------------------------------------------------------- start here

def test_start_here_runs_cleanly_and_gives_feedback(open_notebook, screenshot):
    nb = open_notebook(START)
    nb.run_all()
    screenshot(nb.page, "start-here-after-run-all")
    prompts = nb.prompts()
    assert prompts and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), prompts
    assert nb.error_outputs() == []
    radios = output_of(nb, 'lesson.practice("ex0_1")').get_by_role("radio")
    expect(radios.first).to_be_visible()
    reply = output_of(nb, "%%reply ex0_2").locator(".jp-OutputArea-output")
    expect(reply).to_contain_text("/ 4")
    screenshot(nb.page, "start-here-reply-feedback")

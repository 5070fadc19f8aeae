"""Company profiles in headless Chromium: the "Dealt with" picture in both directions."""

import re

import pytest

from conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: Each counterpart's name and dot, and the picture's box, relative to the picture.
GEOMETRY = """() => {
  const svg = document.querySelector("svg.network");
  const frame = svg.getBoundingClientRect();
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left - frame.left, right: r.right - frame.left,
            top: r.top - frame.top, bottom: r.bottom - frame.top};
  };
  return {
    width: frame.width, height: frame.height,
    nodes: [...svg.querySelectorAll("a")].map((link) => ({
      text: link.querySelector("text").textContent,
      href: link.getAttribute("href"),
      label: box(link.querySelector("text")),
      dot: box(link.querySelector("circle")),
    })),
    centre: {
      text: getComputedStyle(svg.querySelector("text.center-label")).fill,
      disc: getComputedStyle(svg.querySelector("circle.center")).fill,
    },
  };
}"""


def luminance(colour: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    ("path", "openai"), [("/companies/", "OpenAI"), ("/ar/companies/", "أوبن إيه آي")]
)
def test_the_network_names_are_whole_readable_and_people_are_drawn(
    seeded_live, browser_page, path, openai
):
    page = browser_page
    page.goto(f"{path}openai/")
    shape = page.evaluate(GEOMETRY)
    ARTIFACTS.mkdir(exist_ok=True)
    name = "network-ar" if "/ar/" in path else "network-en"
    page.locator("svg.network").screenshot(path=str(ARTIFACTS / f"{name}.png"))
    assert contrast(shape["centre"]["text"], shape["centre"]["disc"]) >= 4.5
    assert any(node["href"].endswith("/people/elon-musk/") for node in shape["nodes"])
    page.goto(f"{path}meta/")
    shape = page.evaluate(GEOMETRY)
    assert openai in [node["text"] for node in shape["nodes"]]
    for node in shape["nodes"]:
        label, dot = node["label"], node["dot"]
        # Inside the picture, and clear of its dot's outline (an alef is not an edge).
        assert label["left"] >= 0, node
        assert label["right"] <= shape["width"], node
        assert label["bottom"] <= shape["height"], node
        assert label["top"] >= dot["bottom"], node

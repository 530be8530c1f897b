"""The {% chart %} tag: every chart an image named by its page's heading and described in
words, drawn by its kind's template."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from stabilise.ui.charts.bars import bar_chart


def test_a_chart_is_an_image_labelled_by_its_title_and_its_description() -> None:
    chart = bar_chart("bands", "Bands", [("1-5", 3), ("6-10", 1)])
    html = Template(
        "{% load stabilise_charts %}{% chart chart %}Bars of {{ what }}.{% endchart %}"
    ).render(Context({"chart": chart, "what": "<cases>"}))

    assert html.lstrip().startswith('<svg class="stabilise-chart" id="bands-chart" viewBox="0 0 640 260"')
    assert 'role="img" aria-labelledby="bands-title bands-desc"' in html
    # The description is the page's words, its values escaped like any other.
    assert '<desc id="bands-desc">Bars of &lt;cases&gt;.</desc>' in html
    # Drawn by the bar chart's template: a bar each, on the shared axes.
    assert html.count('class="stabilise-chart__bar"') == 2
    assert html.count('class="stabilise-chart__axis"') == 5
    assert html.rstrip().endswith("</svg>")


def test_the_chart_tag_takes_one_chart() -> None:
    with pytest.raises(TemplateSyntaxError, match="takes one chart"):
        Template("{% load stabilise_charts %}{% chart %}Words{% endchart %}")

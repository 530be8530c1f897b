"""{% chart %}: every chart drawn as one SVG image the one way, named by its page's heading and
described in words, whatever kind of chart it is (stabilise.ui.charts)."""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString

register = template.Library()


class ChartNode(template.Node):
    def __init__(self, chart: FilterExpression, description: NodeList) -> None:
        self.chart = chart
        self.description = description

    def render(self, context: Context) -> SafeString:
        chart = self.chart.resolve(context)
        description = self.description.render(context)
        assert context.template is not None  # a node renders within a template
        svg = context.template.engine.get_template("ui/charts/svg.html")
        with context.push(chart=chart, desc=description):
            return svg.render(context)


@register.tag("chart")
def chart(parser: Parser, token: Token) -> ChartNode:
    """`{% chart CHART %}its description in words{% endchart %}` draws CHART (one of
    stabilise.ui.charts' charts, which names its own template) as an image labelled by the
    element with id CHART.id-title, which the page gives it, and by the description."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% chart %} takes one chart: {% chart chart %}")
    description = parser.parse(("endchart",))
    parser.delete_first_token()
    return ChartNode(parser.compile_filter(bits[1]), description)

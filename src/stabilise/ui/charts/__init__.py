"""The charts every page draws, as SVG on the server so that they show without JavaScript: a
module per kind of chart (lines, steps, bars, horizontal_bars), all on axis's frame and scale,
each drawn by its template in ui/templates/ui/charts/ through the {% chart %} tag."""

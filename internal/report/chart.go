package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/advisor-dev/advisor/internal/engine"
)

// costChart draws the cost curves as a Mermaid xychart (GitHub and GitLab
// render it): monthly dollars against messages a second, one line per
// option, from the same arithmetic as the estimates. Mermaid's lines have
// no legend, so the title names them in order.
func costChart(res engine.Result) string {
	if len(res.CostCurves) == 0 {
		return ""
	}
	var b strings.Builder
	var names, xs []string
	for _, v := range engine.CurveVolumes {
		xs = append(xs, `"`+rateWords(v)+`/s"`)
	}
	top := 0.0
	for _, c := range res.CostCurves {
		for _, y := range c.USD {
			if !math.IsNaN(y) {
				top = math.Max(top, y)
			}
		}
		names = append(names, c.ID)
	}
	b.WriteString("```mermaid\nxychart-beta\n")
	fmt.Fprintf(&b, "    title \"Monthly cost (USD) by volume: %s\"\n", strings.Join(names, ", "))
	fmt.Fprintf(&b, "    x-axis [%s]\n", strings.Join(xs, ", "))
	fmt.Fprintf(&b, "    y-axis \"USD a month\" 0 --> %.0f\n", math.Ceil(top*1.05))
	for _, c := range res.CostCurves {
		var ys []string
		for _, y := range c.USD {
			if math.IsNaN(y) {
				y = 0
			}
			ys = append(ys, fmt.Sprintf("%.2f", y))
		}
		fmt.Fprintf(&b, "    line [%s]\n", strings.Join(ys, ", "))
	}
	b.WriteString("```\n")
	return b.String()
}

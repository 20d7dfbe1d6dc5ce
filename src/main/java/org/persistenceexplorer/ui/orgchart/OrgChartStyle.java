package org.persistenceexplorer.ui.orgchart;

import java.util.Locale;

/**
 * The chart's GraphStream stylesheet (GraphStream styles its graph with its own CSS, not
 * JavaFX's): ten department colours, a shape per role, marks for the selected person, a
 * highlighted chain and delegation links. Labels show only under a zoom where they are legible.
 */
final class OrgChartStyle {

    /** Colour-blind-safe-ish palette (Tableau 10), one per department in order of appearance. */
    static final String[] DEPARTMENT_COLOURS = {
        "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"};

    private OrgChartStyle() {
    }

    static String stylesheet(double labelZoom) {
        StringBuilder css = new StringBuilder();
        css.append("graph { fill-color: #ffffff; padding: 60px; }\n");
        css.append(String.format(Locale.ROOT, """
                node { shape: rounded-box; size: %sgu, %sgu; fill-color: #BAB0AC; stroke-mode: plain; stroke-color: #57606a;
                       stroke-width: 1px; text-size: 11; text-color: #1f2328; text-alignment: under; text-offset: 0px, 2px;
                       text-background-mode: rounded-box; text-background-color: #ffffffcc; text-padding: 1px;
                       text-visibility-mode: under-zoom; text-visibility: %s; }
                """, TidyTreeLayout.NODE_WIDTH * 0.8, TidyTreeLayout.NODE_HEIGHT, labelZoom));
        for (int i = 0; i < DEPARTMENT_COLOURS.length; i++) {
            css.append("node.d").append(i).append(" { fill-color: ").append(DEPARTMENT_COLOURS[i]).append("; }\n");
        }
        css.append("""
                node.executive { shape: box; stroke-width: 3px; stroke-color: #1f2328; }
                node.manager { shape: rounded-box; stroke-width: 2px; }
                node.staff { shape: circle; size: 0.4gu, 0.4gu; }
                node.collapsed { stroke-mode: dashes; stroke-width: 3px; stroke-color: #1f2328; }
                node.marked { stroke-color: #cf222e; stroke-width: 4px; stroke-mode: plain; text-visibility-mode: normal; }
                node.selected { stroke-color: #0969da; stroke-width: 5px; stroke-mode: plain; text-style: bold; text-visibility-mode: normal; }
                edge { fill-color: #8c959f; size: 1px; }
                edge.marked { fill-color: #cf222e; size: 4px; }
                edge.delegation { fill-color: #cf222e; size: 3px; shape: cubic-curve; arrow-size: 10px, 5px; }
                """);
        return css.toString();
    }
}

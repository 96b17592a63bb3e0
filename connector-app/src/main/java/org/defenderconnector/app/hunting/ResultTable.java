package org.defenderconnector.app.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.hunting.HuntingColumn;
import org.defenderconnector.microsoft.hunting.HuntingResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Prints a hunting result as an aligned text table (columns in schema order) or as NDJSON (one row per line). */
final class ResultTable {
    private ResultTable() {
    }

    static void ndjson(HuntingResult result, PrintStream out) {
        for (ObjectNode row : result.rows()) {
            out.println(row.toString());
        }
    }

    /** @param maxWidth the widest a column gets; longer values are cut with an ellipsis */
    static void text(HuntingResult result, PrintStream out, int maxWidth) {
        List<String> columns = columns(result);
        if (columns.isEmpty()) {
            return;
        }
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>(result.rows().size());
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.min(maxWidth, columns.get(c).length());
        }
        for (ObjectNode row : result.rows()) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                line[c] = cut(cell(row.get(columns.get(c))), maxWidth);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        String[] header = columns.stream().map(name -> cut(name, maxWidth)).toArray(String[]::new);
        print(out, header, widths);
        String[] rule = new String[columns.size()];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        print(out, rule, widths);
        cells.forEach(line -> print(out, line, widths));
    }

    /** The schema's column order; without a schema, every property seen in the rows. */
    static List<String> columns(HuntingResult result) {
        Set<String> names = new LinkedHashSet<>();
        for (HuntingColumn column : result.columns()) {
            names.add(column.name());
        }
        if (names.isEmpty()) {
            result.rows().forEach(row -> row.fieldNames().forEachRemaining(names::add));
        }
        return List.copyOf(names);
    }

    private static void print(PrintStream out, String[] line, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            if (c > 0) {
                b.append("  ");
            }
            b.append(line[c]);
            if (c < line.length - 1) {
                b.append(" ".repeat(widths[c] - line[c].length()));
            }
        }
        out.println(b);
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        // One row per line: embedded line breaks and tabs would break the alignment.
        return text.replace("\r", " ").replace("\n", " ").replace("\t", " ");
    }

    private static String cut(String text, int maxWidth) {
        return text.length() <= maxWidth ? text : text.substring(0, Math.max(0, maxWidth - 1)) + "…";
    }
}

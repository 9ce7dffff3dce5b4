package io.tenmail.deploy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows printed in aligned columns under an upper-case header, two spaces apart. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    Table row(Object... cells) {
        if (cells.length != columns) throw new IllegalArgumentException("expected " + columns + " cells");
        String[] texts = new String[columns];
        for (int i = 0; i < columns; i++) texts[i] = Json.text(cells[i]);
        rows.add(texts);
        return this;
    }

    /** The table, or {@code whenEmpty} ("no domains") when it has no rows. */
    void print(PrintStream out, String whenEmpty) {
        if (rows.size() == 1) {
            out.println(whenEmpty);
            return;
        }
        int[] widths = new int[columns];
        for (String[] row : rows) for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) line.append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

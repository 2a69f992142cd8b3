package io.interdict.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run with the conditions they were taken in, as a table and as JSON (so a later
 * run can {@code --compare} with this one).
 */
final class Results {

    static final String FORMAT = "interdict-bench/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final ObjectNode conditions = JSON.createObjectNode();

    Figure add(Figure figure) {
        figures.put(figure.name(), figure);
        return figure;
    }

    Figure get(String name) {
        Figure figure = figures.get(name);
        if (figure == null) {
            throw new IllegalStateException("no figure " + name + " was measured in this run");
        }
        return figure;
    }

    List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    /** Run conditions (machine, load average, settings), kept beside the figures. */
    ObjectNode conditions() {
        return conditions;
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("conditions", conditions);
        root.set("figures", JSON.valueToTree(figures()));
        return root;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), toJson());
    }

    /** The figures of an earlier run's JSON, by name. */
    static Map<String, Figure> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": expected format " + FORMAT + ", found " + root.path("format"));
        }
        Map<String, Figure> previous = new LinkedHashMap<>();
        for (JsonNode node : root.path("figures")) {
            Figure figure = JSON.treeToValue(node, Figure.class);
            previous.put(figure.name(), figure);
        }
        return previous;
    }

    /** The table: one row per figure; with {@code previous}, the value and ratio of that run beside. */
    String table(Map<String, Figure> previous) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure", "value", "unit", "ratio", "baseline", "target", "met"));
        if (previous != null) {
            header.addAll(List.of("previous", "prev ratio", "change"));
        }
        rows.add(header.toArray(String[]::new));
        for (Figure f : figures.values()) {
            List<String> row = new ArrayList<>(List.of(
                    f.name(),
                    Figure.fmt(f.value()),
                    f.unit(),
                    f.ratio() == null ? "" : String.format("%.3f", f.ratio()),
                    f.baseline() == null ? "" : f.baseline(),
                    f.target() == null ? "" : f.target(),
                    f.met() == null ? "" : f.met() ? "yes" : "NO"));
            if (previous != null) {
                Figure p = previous.get(f.name());
                row.add(p == null ? "" : Figure.fmt(p.value()));
                row.add(p == null || p.ratio() == null ? "" : String.format("%.3f", p.ratio()));
                row.add(
                        p == null || p.value() == 0
                                ? ""
                                : String.format("%+.0f %%", 100 * (f.value() / p.value() - 1)));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 1 || i == 3 || i >= 7;
                String cell = number ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int i = 0; i < row.length; i++) {
                    boolean number = i == 1 || i == 3 || i >= 7;
                    out.append(number ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}

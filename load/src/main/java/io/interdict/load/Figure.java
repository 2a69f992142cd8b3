package io.interdict.load;

/**
 * One measured figure. {@code ratio} is {@code value / baselineValue} when the figure has a
 * baseline; {@code met} is null when the figure has no target.
 *
 * @param name stable key, compared across runs (e.g. {@code push.c4.throughput})
 * @param baseline the name of the baseline figure, or null
 * @param target what the figure must reach, in words (e.g. {@code ratio >= 0.25}), or null
 */
record Figure(
        String name,
        double value,
        String unit,
        String baseline,
        Double ratio,
        String target,
        Boolean met,
        String note) {

    static Figure plain(String name, double value, String unit, String note) {
        return new Figure(name, value, unit, null, null, null, null, note);
    }

    /** A figure compared with a baseline, whose ratio must be at least {@code minRatio} (0: no target). */
    static Figure ratio(String name, double value, String unit, Figure baseline, double minRatio, String note) {
        double ratio = value / baseline.value();
        return new Figure(
                name,
                value,
                unit,
                baseline.name(),
                ratio,
                minRatio > 0 ? "ratio >= " + minRatio : null,
                minRatio > 0 ? ratio >= minRatio : null,
                note);
    }

    static Figure atLeast(String name, double value, String unit, double min, String note) {
        return new Figure(name, value, unit, null, null, ">= " + fmt(min) + " " + unit, value >= min, note);
    }

    static Figure below(String name, double value, String unit, double max, String note) {
        return new Figure(name, value, unit, null, null, "< " + fmt(max) + " " + unit, value < max, note);
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format("%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format("%.1f", value);
        }
        return String.format("%.2f", value);
    }
}

package com.orderflow.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /actuator/prometheus in the text format: its series, by name and labels. */
record Scrape(List<Series> series) {

    record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(series);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The one series of this name whose labels include these; fails when there is none or several. */
    double value(String name, String... labelPairs) {
        List<Series> found = series.stream().filter(s -> s.name().equals(name) && hasLabels(s, labelPairs)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " series " + name + " " + List.of(labelPairs) + " in the scrape");
        }
        return found.get(0).value();
    }

    double value(String name) {
        return value(name, new String[0]);
    }

    private static boolean hasLabels(Series series, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(series.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}

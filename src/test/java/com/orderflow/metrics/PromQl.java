package com.orderflow.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (enough PromQL for a dashboard's queries). */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        String rest = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings (label values)
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // range selectors, subqueries
                .replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*(:[a-z]+)?}?", " ") // Grafana variables ($__rate_interval)
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String token = m.group();
            boolean function = rest.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(rest.charAt(m.start() - 1));
            if (!function && !number && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }
}

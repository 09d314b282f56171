package com.orderflow.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one scan of the closed orders produced: exact counts, the worst cases per kind (a bounded
 * number, for the PDF), and every finding as CSV in a temporary file.
 */
record ScanResult(long ordersScanned, long pages, Map<FindingKind, Long> counts,
        Map<FindingKind, List<Finding>> worstCases, int storedFindings, Path csvFile) {

    long count(FindingKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    long findingCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}

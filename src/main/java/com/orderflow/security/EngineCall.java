package com.orderflow.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.web.util.UriUtils;

/**
 * One call to the engine's REST API, whichever door it came through: {@code /engine-rest/…},
 * {@code /engine-rest/engine/{name}/…} or the webapps' {@code /camunda/api/engine/engine/{name}/…}
 * (Tasklist and Cockpit). {@code segments} is the decoded path after that prefix, e.g.
 * {@code [task, 42, complete]}, so one policy judges every door alike.
 */
record EngineCall(String method, List<String> segments) {

    private static final String ENGINE_REST = "/engine-rest";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/";

    static Optional<EngineCall> of(String method, String contextPath, String requestUri) {
        String path = requestUri.substring(contextPath == null ? 0 : contextPath.length());
        List<String> segments;
        if (path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/")) {
            segments = decode(path.substring(ENGINE_REST.length()));
            if (segments.size() >= 2 && segments.get(0).equals("engine")) {
                segments = segments.subList(2, segments.size());
            }
        } else if (path.startsWith(WEBAPP_ENGINE)) {
            segments = decode(path.substring(WEBAPP_ENGINE.length()));
            segments = segments.isEmpty() ? segments : segments.subList(1, segments.size());
        } else {
            return Optional.empty();
        }
        return Optional.of(new EngineCall(method.toUpperCase(java.util.Locale.ROOT), List.copyOf(segments)));
    }

    private static List<String> decode(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(UriUtils.decode(raw, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    boolean reads() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    int size() {
        return segments.size();
    }

    String segment(int index) {
        return index < segments.size() ? segments.get(index) : "";
    }

    /** Whether the path is exactly these segments, {@code *} matching any one segment. */
    boolean is(String... pattern) {
        if (pattern.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    String path() {
        return "/" + String.join("/", segments);
    }
}

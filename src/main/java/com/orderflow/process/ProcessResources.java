package com.orderflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Reads the deployable files (BPMN, DMN, Camunda Forms) of a processes folder, named relative to it. */
final class ProcessResources {

    static final Set<String> EXTENSIONS = Set.of(".bpmn", ".dmn", ".form");

    private ProcessResources() {
    }

    /** Relative name (e.g. {@code forms/approve-modification.form}) to content, sorted by name. */
    static Map<String, byte[]> read(String location) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            String base = resolver.getResource(location).getURL().toExternalForm();
            List<Resource> found = new ArrayList<>(List.of(resolver.getResources(location + "**/*")));
            found.sort(Comparator.comparing(ProcessResources::url));
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (Resource resource : found) {
                String url = url(resource);
                if (resource.isReadable() && url.startsWith(base) && isDeployable(url)) {
                    try (var in = resource.getInputStream()) {
                        contents.put(url.substring(base.length()), in.readAllBytes());
                    }
                }
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process resources from " + location, e);
        }
    }

    private static boolean isDeployable(String url) {
        return EXTENSIONS.stream().anyMatch(url::endsWith);
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toExternalForm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

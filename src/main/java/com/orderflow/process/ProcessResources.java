package com.orderflow.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the deployable files (BPMN, DMN, Camunda Forms) of a processes folder, named relative to it. A folder on
 * disk ({@code file:./processes/}, relative to the working directory, or absolute; also the classpath copy of an
 * exploded build) is walked as files, so a relative location names the same files as its absolute form; only a
 * folder inside a jar is listed through the classpath.
 */
final class ProcessResources {

    static final Set<String> EXTENSIONS = Set.of(".bpmn", ".dmn", ".form");

    private ProcessResources() {
    }

    /** Relative name (e.g. {@code forms/approve-modification.form}) to content, sorted by name. */
    static Map<String, byte[]> read(String location) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource root = resolver.getResource(location);
        Map<String, byte[]> contents;
        try {
            File folder = folderOnDisk(root);
            contents = folder != null ? readFolder(location, folder.toPath()) : readArchive(resolver, location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process resources from " + location, e);
        }
        if (contents.isEmpty()) {
            throw folderProblem(location, "no BPMN, DMN or form files in " + location + describe(root));
        }
        return contents;
    }

    private static File folderOnDisk(Resource root) {
        try {
            return root.isFile() ? root.getFile() : null;
        } catch (IOException notAFile) {
            return null;
        }
    }

    private static Map<String, byte[]> readFolder(String location, Path folder) throws IOException {
        Path base = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw folderProblem(location, location + " (" + base + ") does not exist or is no folder");
        }
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = base.relativize(file).toString().replace(File.separatorChar, '/');
                if (isDeployable(name) && !isHidden(name)) {
                    contents.put(name, Files.readAllBytes(file));
                }
            }
        }
        return contents;
    }

    private static Map<String, byte[]> readArchive(ResourcePatternResolver resolver, String location)
            throws IOException {
        String base = resolver.getResource(location).getURL().toExternalForm();
        List<Resource> found = new ArrayList<>(List.of(resolver.getResources(location + "**/*")));
        found.sort(Comparator.comparing(ProcessResources::url));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Resource resource : found) {
            String url = url(resource);
            if (resource.isReadable() && url.startsWith(base) && isDeployable(url)
                    && !isHidden(url.substring(base.length()))) {
                try (var in = resource.getInputStream()) {
                    contents.put(url.substring(base.length()), in.readAllBytes());
                }
            }
        }
        return contents;
    }

    /** Modeler keeps its own files (element templates, lint settings) in dot folders: they are not deployed. */
    private static boolean isHidden(String relativeName) {
        return relativeName.startsWith(".") || relativeName.contains("/.");
    }

    private static boolean isDeployable(String name) {
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static InvalidProcessResourceException folderProblem(String location, String message) {
        return new InvalidProcessResourceException(List.of(new DeploymentProblem(location, null, null,
                message + " (orderflow.processes.location)")), null);
    }

    private static String describe(Resource root) {
        File folder = folderOnDisk(root);
        return folder == null ? "" : " (" + folder.toPath().toAbsolutePath().normalize() + ")";
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toExternalForm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

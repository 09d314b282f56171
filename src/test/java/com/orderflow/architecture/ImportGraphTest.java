package com.orderflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The import graph of orderflow's packages: which other orderflow packages the classes of each package
 * use. A package that needs many others is doing several features' work; the shared screen
 * infrastructure ({@code web}) and the shared kernel ({@code shared}) are the agreed exceptions.
 */
class ImportGraphTest {

    static final int MOST_OTHERS = 4;
    static final Pattern IMPORT = Pattern
            .compile("import (?:static )?(com\\.orderflow(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z].*;");

    static final String ROOT = "com.orderflow";

    static Map<String, Set<String>> graph() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : classes) {
            Set<String> targets = graph.computeIfAbsent(name(c.getPackageName()), k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getPackageName();
                if (target.startsWith(ROOT + ".") && !target.equals(c.getPackageName())) {
                    targets.add(name(target));
                }
            }
        }
        addSourceImports(graph);
        return graph;
    }

    /**
     * The compiled classes do not show a constant read from another package (javac copies its value),
     * so the source's import lines count too.
     */
    private static void addSourceImports(Map<String, Set<String>> graph) {
        Path sources = Path.of("src/main/java", ROOT.split("\\."));
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = ROOT + "." + sources.relativize(file.getParent()).toString().replace('/', '.');
                own = own.endsWith(".") ? ROOT : own;
                Set<String> targets = graph.computeIfAbsent(name(own), k -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    Matcher m = IMPORT.matcher(line);
                    if (m.matches() && !m.group(1).equals(own)) {
                        targets.add(name(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(String javaPackage) {
        return javaPackage.equals(ROOT) ? "(root)" : javaPackage.substring(ROOT.length() + 1);
    }

    @Test
    void noFeaturePackageImportsMoreThanFourOthers() {
        Map<String, Set<String>> graph = graph();
        graph.forEach((p, t) -> System.out.println("GRAPH " + p + " " + t.size() + " " + t));
        assertThat(graph).as("the packages found").containsKeys("order", "modification", "process");
        Map<String, Set<String>> tooMany = new TreeMap<>(graph);
        tooMany.keySet().removeIf(p -> exempt(p) || graph.get(p).size() <= MOST_OTHERS);
        assertThat(tooMany).as("packages importing more than " + MOST_OTHERS + " others").isEmpty();
    }

    @Test
    void thePortalPackageIsGone() {
        assertThat(graph()).doesNotContainKey("web.portal");
    }

    static boolean exempt(String name) {
        return name.equals("web") || name.startsWith("web.") || name.equals("shared") || name.startsWith("shared.");
    }
}

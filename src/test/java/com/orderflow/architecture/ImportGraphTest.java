package com.orderflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ImportGraphTest {

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
        return graph;
    }

    static String name(String javaPackage) {
        return javaPackage.equals(ROOT) ? "(root)" : javaPackage.substring(ROOT.length() + 1);
    }

    @Test
    void print() {
        graph().forEach((p, t) -> System.out.println("GRAPH " + p + " " + t.size() + " " + t));
        assertThat(graph()).isNotEmpty();
    }
}

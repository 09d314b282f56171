package com.orderflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * Keeps the module diagrams in docs/architecture and the README's Architecture section in step with
 * the code: it fails when they differ from what the modules are now. Run it with
 * {@code -Dorderflow.docs.write=true} to write them anew.
 */
class ModuleDiagramTest {

    static final Path DOCS = Path.of("docs/architecture");
    static final String START = "<!-- modules:start -->";
    static final String END = "<!-- modules:end -->";
    static final boolean WRITE = Boolean.getBoolean("orderflow.docs.write");

    @Test
    void plantUmlDiagramIsCurrent() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(ArchitectureTest.MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML));
        String diagram = Files.readString(generated.resolve("components.puml"));
        Path file = DOCS.resolve("modules.puml");
        if (WRITE) {
            Files.createDirectories(DOCS);
            Files.writeString(file, diagram, StandardCharsets.UTF_8);
        }
        // Documenter lists the arrows in no fixed order: the same lines, in any order, are the same diagram.
        assertThat(Files.exists(file) ? Files.readAllLines(file) : List.<String>of())
                .as(file + " shows the modules as they are (-Dorderflow.docs.write=true writes it)")
                .containsExactlyInAnyOrderElementsOf(diagram.lines().toList());
    }

    @Test
    void mermaidDiagramInTheReadmesIsCurrent() throws IOException {
        String block = "```mermaid\n" + mermaid() + "```\n";
        compare(DOCS.resolve("modules.mmd"), mermaid());
        for (Path readme : List.of(Path.of("README.md"), Path.of("README.zh-CN.md"))) {
            String text = Files.readString(readme);
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            assertThat(start).as(readme + " has the markers " + START + " and " + END).isNotNegative();
            assertThat(end).isGreaterThan(start);
            String updated = text.substring(0, start + START.length()) + "\n" + block + text.substring(end);
            if (WRITE) {
                Files.writeString(readme, updated);
            } else {
                assertThat(text).as(readme + " shows the modules as they are (-Dorderflow.docs.write=true writes it)")
                        .isEqualTo(updated);
            }
        }
    }

    /** One arrow per module and module it depends on, in name order, so the text only changes with them. */
    static String mermaid() {
        StringBuilder text = new StringBuilder("flowchart TD\n");
        ArchitectureTest.MODULES.stream().sorted((a, b) -> a.getIdentifier().toString()
                .compareTo(b.getIdentifier().toString())).forEach(module -> {
                    String targets = module.getDirectDependencies(ArchitectureTest.MODULES).uniqueModules()
                            .map(ModuleDiagramTest::id).sorted().collect(Collectors.joining(" & "));
                    text.append("  ").append(id(module));
                    if (!targets.isEmpty()) {
                        text.append(" --> ").append(targets);
                    }
                    text.append('\n');
                });
        return text.toString();
    }

    private static String id(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static void compare(Path file, String expected) throws IOException {
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as(file + " shows the modules as they are (-Dorderflow.docs.write=true writes it)")
                .isEqualTo(expected);
    }
}

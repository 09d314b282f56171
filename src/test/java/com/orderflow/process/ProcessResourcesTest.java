package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processes folder is read the same whether its location is relative, absolute or the classpath copy. */
class ProcessResourcesTest {

    @Test
    void relativeAndAbsoluteFileLocationsReadTheSameFiles() {
        Map<String, byte[]> absolute = ProcessResources.read(Path.of("processes").toAbsolutePath().toUri().toString());

        assertThat(absolute).containsKeys("order-modification.bpmn", "modification-approval.dmn",
                "forms/approve-modification.form");
        for (String relative : new String[] { "file:./processes/", "file:processes/", "file:./processes" }) {
            Map<String, byte[]> read = ProcessResources.read(new ProcessesProperties(relative).location());
            assertThat(read.keySet()).as(relative).containsExactlyElementsOf(absolute.keySet());
            read.forEach((name, content) -> assertThat(content).as(name).isEqualTo(absolute.get(name)));
        }
    }

    @Test
    void theClasspathCopyHasTheSameNames() {
        assertThat(ProcessResources.read("classpath:processes/").keySet())
                .containsExactlyElementsOf(ProcessResources.read("file:./processes/").keySet());
    }

    @Test
    void modelersOwnFilesInDotFoldersAreNotDeployed(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve(".camunda/element-templates"));
        Files.writeString(folder.resolve(".camunda/element-templates/step.form"), "{}");
        Files.writeString(folder.resolve("a.bpmn"), "<definitions/>");

        assertThat(ProcessResources.read(folder.toUri().toString())).containsOnlyKeys("a.bpmn");
    }

    @Test
    void aFolderThatIsNotThereIsNamedWithItsFullPath(@TempDir Path folder) {
        String location = folder.resolve("nowhere").toUri().toString();

        assertThatThrownBy(() -> ProcessResources.read(location)).isInstanceOf(InvalidProcessResourceException.class)
                .hasMessageContaining(folder.resolve("nowhere").toString()).hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyFolderIsRefused(@TempDir Path folder) {
        assertThatThrownBy(() -> ProcessResources.read(folder.toUri().toString()))
                .isInstanceOf(InvalidProcessResourceException.class).hasMessageContaining("no BPMN, DMN or form files");
    }
}

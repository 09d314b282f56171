package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped processes folder that a test edits as an analyst would (the shipped files stay as they are). */
final class ProcessFolderCopy {

    private ProcessFolderCopy() {
    }

    static Path of(Path target) throws IOException {
        Path source = Path.of("processes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    /** Replaces every occurrence; the text must be there, so a test never passes on a file that moved on. */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " contains " + from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    static void replaceFirst(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertThat(at).as(file + " contains " + from).isNotNegative();
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }
}

package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference a reader meets can be followed: comments and docs name the upstream Exosphere source a
 * rule mirrors ({@code Helpers.getNewFloatingIpOption} in exosphere-project/exosphere) or a page of this
 * repository's docs, never a section of a document that is not in the repository (CONTRIBUTING.md, "Code").
 */
class UpstreamReferencesTest {

    static final Path REPOSITORY = Path.of("..");
    /** A section of the off-repository behavioural spec: its name, or a bare {@code §} number. */
    static final Pattern UNFOLLOWABLE = Pattern.compile("exosphere-spec|§\\s?\\d");

    static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", "node_modules", "it-repo");
    static final Set<String> CHECKED_EXTENSIONS =
            Set.of("java", "md", "xml", "js", "json", "py", "sh", "txt", "yml", "yaml", "properties", "kt");

    @Test
    void noSourceOrDocCitesTheOffRepositorySpec() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = files();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException binary) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (UNFOLLOWABLE.matcher(lines[i]).find()) {
                    found.add(REPOSITORY.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(files).as("files scanned").hasSizeGreaterThan(100);
        assertThat(found)
                .as("cite the upstream Exosphere module/function (e.g. Helpers.getNewFloatingIpOption) or a docs/"
                        + " page instead")
                .isEmpty();
    }

    static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(REPOSITORY)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isSkipped(REPOSITORY.relativize(p)))
                    .filter(p -> CHECKED_EXTENSIONS.contains(extension(p)))
                    .forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        // this test states the pattern it looks for
        return relative.endsWith(Path.of("UpstreamReferencesTest.java"));
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}

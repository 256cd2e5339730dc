package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Docs never rot: every Java block in {@code docs/*.md} is marked {@code <!-- snippet:NAME -->} and equals
 * the region between {@code // snippet:NAME} and {@code // end-snippet} of a compiled source in this
 * module (indentation removed), or is marked {@code <!-- file:PATH -->} and equals that whole file of the
 * repository (the starter gateway, which the build compiles and runs; see examples/pom.xml).
 */
class DocsSnippetsTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Pattern MARKED_BLOCK =
            Pattern.compile("<!-- snippet:(\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);
    /**
     * Where snippets live: this module, and the contract suite's test sources (its scenario classes are
     * package-private test code, so a guide shows a real subclass from there; the reactor compiles it).
     */
    static final Path[] SOURCE_ROOTS = {Path.of("src"), Path.of("..", "exosphere-contract-tests", "src", "test")};

    static final Pattern JAVA_BLOCK = Pattern.compile("^```java$", Pattern.MULTILINE);
    static final Pattern FILE_BLOCK = Pattern.compile("<!-- file:(\\S+) -->\\n```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);
    static final Path REPOSITORY = Path.of("..");
    static final Path STARTER = Path.of("examples", "starter-gateway");

    @Test
    void everyMarkedSnippetMatchesItsCompiledSource() throws IOException {
        Map<String, String> sources = sourceSnippets();
        int checked = 0;
        for (Path doc : docs()) {
            Matcher m = MARKED_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                assertThat(sources)
                        .as("%s uses snippet %s, which no example source defines", doc.getFileName(), m.group(1))
                        .containsKey(m.group(1));
                assertThat(m.group(2))
                        .as("%s snippet %s differs from its source", doc.getFileName(), m.group(1))
                        .isEqualTo(sources.get(m.group(1)));
                checked++;
            }
        }
        assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyJavaBlockInTheGuidesIsAMarkedSnippet() throws IOException {
        for (Path doc : docs()) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            long javaBlocks = JAVA_BLOCK.matcher(text).results().count();
            long marked = MARKED_BLOCK.matcher(text).results().count()
                    + FILE_BLOCK
                            .matcher(text)
                            .results()
                            .filter(r -> r.group(2).equals("java"))
                            .count();
            assertThat(marked)
                    .as("%s: every ```java block needs a <!-- snippet:NAME --> line above it", doc.getFileName())
                    .isEqualTo(javaBlocks);
        }
    }

    @Test
    void everyFileBlockEqualsThatFileVerbatim() throws IOException {
        int checked = 0;
        for (Path doc : docs()) {
            Matcher m = FILE_BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                Path file = REPOSITORY.resolve(m.group(1));
                assertThat(file)
                        .as("%s shows %s", doc.getFileName(), m.group(1))
                        .isRegularFile();
                assertThat(m.group(3))
                        .as("%s shows %s, which differs from the file", doc.getFileName(), m.group(1))
                        .isEqualTo(
                                Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
                checked++;
            }
        }
        assertThat(checked).as("file blocks checked").isGreaterThanOrEqualTo(4);
    }

    @Test
    void gettingStartedShowsEveryFileOfTheStarterGateway() throws IOException {
        String guide = Files.readString(DOCS.resolve("getting-started.md"), StandardCharsets.UTF_8);
        List<String> shown =
                FILE_BLOCK.matcher(guide).results().map(r -> r.group(1)).toList();
        List<String> files;
        try (Stream<Path> s = Files.walk(REPOSITORY.resolve(STARTER))) {
            files = s.filter(Files::isRegularFile)
                    .map(p -> REPOSITORY.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.contains("/target/"))
                    // the repository's own checks of the project, not part of a gateway
                    .filter(p -> !p.endsWith("/invoker.properties") && !p.endsWith("/verify.groovy"))
                    .sorted()
                    .toList();
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(files);
    }

    static List<Path> docs() throws IOException {
        try (Stream<Path> s = Files.list(DOCS)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }

    static Map<String, String> sourceSnippets() throws IOException {
        Map<String, String> snippets = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Stream.of(SOURCE_ROOTS).flatMap(DocsSnippetsTest::walk)) {
            files = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        Pattern start = Pattern.compile("^\\s*// snippet:(\\S+)\\s*$");
        Pattern end = Pattern.compile("^\\s*// end-snippet\\s*$");
        for (Path f : files) {
            String name = null;
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Matcher m = start.matcher(line);
                if (m.matches() && !f.getFileName().toString().equals("DocsSnippetsTest.java")) {
                    name = m.group(1);
                    lines.clear();
                } else if (name != null && end.matcher(line).matches()) {
                    snippets.put(name, dedent(lines));
                    name = null;
                } else if (name != null) {
                    lines.add(line);
                }
            }
        }
        return snippets;
    }

    static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n"))
                .strip();
    }
}

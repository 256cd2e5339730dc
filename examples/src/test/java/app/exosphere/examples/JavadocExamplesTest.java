package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Javadoc examples never rot: every {@code <pre>{@code …}</pre>} block in the main sources of the published
 * modules is Java, and compiles from a consumer's seat. Each example becomes a method body (or, when it
 * declares methods or types, the members of a class) in a generated class that sees the imports of the
 * file it comes from, the public types of that file's package, and the variables of {@link
 * JavadocExampleContext}, the "given" every example may use ({@code openStack}, {@code compute},
 * {@code exosphere}, {@code serverId} …). Blocks that are not Java (shell, YAML, console output, URL
 * formats) say so with a class on the tag — {@code <pre class="text">{@code …}</pre>} (or {@code shell},
 * {@code yaml}, {@code json}) — and are not compiled (CONTRIBUTING.md, "Code").
 */
class JavadocExamplesTest {

    static final Path REPOSITORY = Path.of("..");
    static final List<String> PUBLISHED_MODULES = List.of(
            "exosphere-core",
            "exosphere-cloudinit",
            "exosphere-workflow",
            "exosphere-uap-urls",
            "exosphere-testkit",
            "exosphere-testkit-connect");

    static final Pattern PRE = Pattern.compile("<pre(?<attrs>[^>]*)>\\{@code");
    static final Pattern LANGUAGE = Pattern.compile("\\s*class=\"(?<lang>text|shell|yaml|json|xml|properties)\"\\s*");
    static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.*]+;", Pattern.MULTILINE);
    static final String GENERATED_PACKAGE = "javadoc.examples";

    /** One {@code <pre>{@code …}</pre>} block: where it is, what it says, what its file imports. */
    record Example(Path file, int line, String code, String sourcePackage, List<String> imports, String name) {
        String where() {
            return REPOSITORY.relativize(file) + ":" + line;
        }
    }

    @Test
    void everyJavadocExampleCompiles() throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> badMarkers = new ArrayList<>();
        for (Path file : sources()) {
            examples.addAll(examplesOf(file, badMarkers));
        }
        assertThat(badMarkers)
                .as("<pre> blocks that are not Java need class=\"text|shell|yaml|json|xml|properties\"")
                .isEmpty();
        assertThat(examples).as("Javadoc examples found").hasSizeGreaterThan(200);

        // first as statements; what does not compile so is tried as class members (methods, types)
        Map<Example, List<String>> asStatements = compile(examples, false);
        List<Example> retry = new ArrayList<>(asStatements.keySet());
        Map<Example, List<String>> asMembers = compile(retry, true);
        List<String> failures = new ArrayList<>();
        for (Example example : retry) {
            if (asMembers.containsKey(example)) {
                failures.add(example.where() + "\n    as statements: "
                        + String.join("\n    as statements: ", asStatements.get(example)) + "\n    as class members: "
                        + String.join("\n    as class members: ", asMembers.get(example)));
            }
        }
        assertThat(failures)
                .as("Javadoc examples that do not compile (file:line of the <pre>{@code line; the variables"
                        + " an example may use are JavadocExampleContext's)")
                .isEmpty();
    }

    static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : PUBLISHED_MODULES) {
            Path main = REPOSITORY.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(main)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    static List<Example> examplesOf(Path file, List<String> badMarkers) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher pkg = PACKAGE.matcher(text);
        String sourcePackage = pkg.find() ? pkg.group(1) : "";
        List<String> imports =
                IMPORT.matcher(text).results().map(r -> r.group()).collect(Collectors.toList());
        List<Example> examples = new ArrayList<>();
        Matcher pre = PRE.matcher(text);
        while (pre.find()) {
            int line = lineOf(text, pre.start());
            String attrs = pre.group("attrs");
            if (!attrs.isBlank()) {
                if (!LANGUAGE.matcher(attrs).matches()) {
                    badMarkers.add(REPOSITORY.relativize(file) + ":" + line + ": <pre" + attrs + ">");
                }
                continue;
            }
            int end = text.indexOf("}</pre>", pre.end());
            if (end < 0) {
                badMarkers.add(REPOSITORY.relativize(file) + ":" + line + ": no }</pre>");
                continue;
            }
            String name = "Example_"
                    + REPOSITORY
                            .relativize(file)
                            .toString()
                            .replace(".java", "")
                            .replaceAll("[^A-Za-z0-9]", "_")
                    + "_" + line;
            examples.add(new Example(file, line, code(text.substring(pre.end(), end)), sourcePackage, imports, name));
        }
        return examples;
    }

    /** The code of a block: Javadoc's leading {@code *} removed, entities decoded; line 1 is the tag's line. */
    static String code(String block) {
        return block.lines()
                .map(l -> l.replaceFirst("^\\s*\\*( |$)", ""))
                .map(l -> l.replace("&#64;", "@")
                        .replace("{@literal @}", "@")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&"))
                .collect(Collectors.joining("\n"));
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * What every example sees besides its file's imports and package: the exported packages of the published
     * modules, the JDK packages a gateway uses most, Jackson's tree model, OkHttp's client and AssertJ's
     * JUnit's {@code @Test} and {@code @ExtendWith} and AssertJ's {@code assertThat} (the testkit's examples are
     * tests). An example needing more starts with its own
     * {@code import} lines.
     */
    static final List<String> COMMON_IMPORTS = List.of(
            "app.exosphere.core.*",
            "app.exosphere.core.auth.*",
            "app.exosphere.core.config.*",
            "app.exosphere.core.error.*",
            "app.exosphere.core.http.*",
            "app.exosphere.core.quota.*",
            "app.exosphere.core.compute.*",
            "app.exosphere.core.image.*",
            "app.exosphere.core.network.*",
            "app.exosphere.core.volume.*",
            "app.exosphere.core.placement.*",
            "app.exosphere.core.instance.*",
            "app.exosphere.core.rules.*",
            "app.exosphere.cloudinit.*",
            "app.exosphere.cloudinit.console.*",
            "app.exosphere.cloudinit.console.chart.*",
            "app.exosphere.workflow.*",
            "app.exosphere.uap.*",
            "app.exosphere.testkit.*",
            "app.exosphere.testkit.connect.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.time.*",
            "java.nio.file.*",
            "com.fasterxml.jackson.databind.JsonNode",
            "okhttp3.OkHttpClient",
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.extension.ExtendWith",
            "static org.assertj.core.api.Assertions.assertThat");

    static final Pattern EXAMPLE_IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.*]+;\\s*$");

    /** The generated source; the example's first line is on line {@link #FIRST_LINE}. */
    static String source(Example example, boolean asMembers) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(GENERATED_PACKAGE).append(";");
        for (String i : COMMON_IMPORTS) {
            s.append(" import ").append(i).append(";");
        }
        for (String i : example.imports()) {
            if (imported(i, example.code())) {
                s.append(" ").append(i);
            }
        }
        // the example's own import lines move up; blank lines keep its line numbers
        List<String> body = new ArrayList<>();
        for (String line : example.code().split("\n", -1)) {
            if (EXAMPLE_IMPORT.matcher(line.strip()).matches()) {
                s.append(" ").append(line.strip());
                body.add("");
            } else {
                body.add(line);
            }
        }
        if (!example.sourcePackage().isEmpty()) {
            s.append(" import ").append(example.sourcePackage()).append(".*;");
        }
        s.append(" import app.exosphere.examples.JavadocExampleContext;");
        s.append(" @SuppressWarnings(\"all\") class ")
                .append(example.name())
                .append(" extends JavadocExampleContext {");
        s.append(asMembers ? "\n" : " void example() throws Exception {\n");
        s.append(String.join("\n", body)).append("\n");
        s.append(asMembers ? "}\n" : ";}}\n");
        return s.toString();
    }

    static final int FIRST_LINE = 2;

    /** The file's imports an example sees: those of the names it uses (annotation processors' are not there). */
    static boolean imported(String importLine, String code) {
        String name = importLine.replaceFirst(";$", "").replaceFirst("^.*\\.", "");
        return name.equals("*")
                || Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
                        .matcher(code)
                        .find();
    }

    /**
     * Compiles (attributes, without writing classes) the examples; returns those that fail with their
     * messages. javac stops before attribution when any unit has a syntax error, so the units are parsed
     * first and those with syntax errors set aside before the rest is attributed.
     */
    static Map<Example, List<String>> compile(List<Example> examples, boolean asMembers) throws IOException {
        Map<Example, List<String>> failures = new LinkedHashMap<>();
        if (examples.isEmpty()) {
            return failures;
        }
        Map<Example, List<String>> syntax = javac(examples, asMembers, false);
        failures.putAll(syntax);
        List<Example> parsed = new ArrayList<>(examples);
        parsed.removeAll(syntax.keySet());
        if (!parsed.isEmpty()) {
            failures.putAll(javac(parsed, asMembers, true));
        }
        return failures;
    }

    static Map<Example, List<String>> javac(List<Example> examples, boolean asMembers, boolean attribute)
            throws IOException {
        Map<Example, List<String>> failures = new LinkedHashMap<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, Example> byUri = new HashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Example example : examples) {
            JavaFileObject unit = new Source(example.name(), source(example, asMembers));
            byUri.put(unit.toUri().toString(), example);
            units.add(unit);
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", classPath(), "-proc:none", "-Xmaxerrs", "100000");
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null, units);
            if (attribute) {
                task.analyze();
            } else {
                task.parse();
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
                continue;
            }
            Example example = byUri.get(d.getSource().toUri().toString());
            if (example == null) {
                continue;
            }
            long line = example.line() + Math.max(0, d.getLineNumber() - FIRST_LINE);
            String message = d.getMessage(Locale.ROOT)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.startsWith("location:"))
                    .collect(Collectors.joining(" "));
            failures.computeIfAbsent(example, e -> new ArrayList<>()).add("line " + line + ": " + message);
        }
        return failures;
    }

    /** The test class path; Surefire may hand it over as a manifest-only jar. */
    static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar")
                    && Path.of(entry).getFileName().toString().startsWith("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///" + GENERATED_PACKAGE.replace('.', '/') + "/" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}

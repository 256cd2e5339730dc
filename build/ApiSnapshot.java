import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one library module as text: for every public class of the packages its module-info
 * exports, the public and protected signatures javap prints (no parameter names, no bodies). Compared with
 * the committed baseline {@code api/<artifactId>.api} in {@code verify}, so public API changes are
 * deliberate: after a change, update the baseline with {@code mvn verify -Dapi.update=true} (see
 * CONTRIBUTING.md) and commit it with the change.
 *
 * <p>The API is what a caller can reach: a public class nested in a non-public one is left out, and a
 * public class extending a non-public class (an Immutables value's nested {@code Builder} extends the
 * package-private generated builder) shows the public and protected members it inherits from it and its
 * nearest public superclass, as Javadoc does. Generated Immutables types never belong to the API: the
 * check fails, with or without an update, when a signature names a type whose simple name starts with
 * {@code Immutable} (CONTRIBUTING.md, "Value types").
 *
 * <p>Run by exec-maven-plugin (exosphere-parent) as a single-file program with the JDK only:
 * {@code java build/ApiSnapshot.java <classes dir> <baseline file> <update true|false>}.
 */
public final class ApiSnapshot {

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path baseline = Path.of(args[1]);
        boolean update = Boolean.parseBoolean(args[2]);
        Path moduleInfo = classes.resolve("module-info.class");
        if (!Files.isRegularFile(moduleInfo)) {
            System.out.println("[api] no module-info.class in " + classes + "; nothing to check");
            return;
        }
        String actual = snapshot(classes, moduleInfo);
        List<String> leaks = generatedNames(actual);
        if (!leaks.isEmpty()) {
            System.err.println("[api] " + leaks.size() + " public signature(s) of " + classes
                    + " name a generated Immutables type:\n  " + String.join("\n  ", leaks.subList(0, Math.min(40, leaks.size())))
                    + "\n[api] keep the generated types package-private (package-info: @Value.Style(visibility = PACKAGE,"
                    + " overshadowImplementation = true)) and expose the value type, its nested Builder, builder() and"
                    + " toBuilder() instead (CONTRIBUTING.md, \"Value types\")");
            System.exit(1);
        }
        if (update) {
            Files.createDirectories(baseline.getParent());
            Files.writeString(baseline, actual, StandardCharsets.UTF_8);
            System.out.println("[api] wrote " + baseline);
            return;
        }
        String expected = Files.isRegularFile(baseline) ? Files.readString(baseline, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Set<String> before = new TreeSet<>(List.of(expected.split("\n")));
            Set<String> after = new TreeSet<>(List.of(actual.split("\n")));
            StringBuilder diff = new StringBuilder();
            after.stream().filter(l -> !before.contains(l)).limit(40).forEach(l -> diff.append("  + ").append(l).append('\n'));
            before.stream().filter(l -> !after.contains(l)).limit(40).forEach(l -> diff.append("  - ").append(l).append('\n'));
            System.err.println("[api] the public API differs from " + baseline + ":\n" + diff
                    + "[api] if the change is deliberate, run: mvn verify -Dapi.update=true (then commit "
                    + baseline.getFileName() + ")");
            System.exit(1);
        }
        System.out.println("[api] public API equals " + baseline);
    }

    static String snapshot(Path classes, Path moduleInfo) throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Path> files = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".class"))
                        .filter(p -> !p.getFileName().toString().equals("package-info.class"))
                        .forEach(files::add);
            }
        }
        files.sort((a, b) -> a.toString().compareTo(b.toString()));
        Javap javap = new Javap(classes);
        StringBuilder out = new StringBuilder("module " + module.name() + "\n");
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
            name = name.substring(0, name.length() - ".class".length());
            if (!javap.isApi(name)) {
                continue;
            }
            List<String> lines = new ArrayList<>(javap.lines(name));
            // members inherited from non-public superclasses are the class's own API, under its nearest
            // public superclass (as Javadoc shows them)
            String superclass = superclass(lines.get(0));
            while (superclass != null && javap.exists(raw(superclass)) && !javap.isApi(raw(superclass))) {
                List<String> inherited = javap.lines(raw(superclass));
                String constructor = " " + raw(superclass) + "(";
                for (String member : inherited.subList(1, inherited.size() - 1)) {
                    if (!member.contains(constructor) && !lines.contains(member)) {
                        lines.add(lines.size() - 1, member);
                    }
                }
                String next = superclass(inherited.get(0));
                lines.set(0, lines.get(0).replace(" extends " + superclass, next == null ? "" : " extends " + next));
                superclass = next;
            }
            for (String line : lines) {
                out.append(line.strip().isEmpty() ? "" : line).append('\n');
            }
        }
        return out.toString();
    }

    private static final Pattern GENERATED = Pattern.compile("(?<![A-Za-z0-9_])Immutable[A-Z0-9_][A-Za-z0-9_]*");

    /** The snapshot's lines that name a type whose simple name starts with {@code Immutable}. */
    static List<String> generatedNames(String snapshot) {
        List<String> leaks = new ArrayList<>();
        String type = "";
        for (String line : snapshot.split("\n")) {
            if (!line.startsWith(" ")) {
                type = line;
            }
            Matcher m = GENERATED.matcher(line);
            if (m.find()) {
                leaks.add(line.startsWith(" ") ? type.replaceAll(" \\{$", "") + " :" + line : line);
            }
        }
        return leaks;
    }

    /** The direct superclass a class header names ({@code null} for an interface or none), type arguments included. */
    static String superclass(String header) {
        if (header.contains(" interface ")) {
            return null;
        }
        int depth = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && header.startsWith(" extends ", i)) {
                int start = i + " extends ".length();
                int end = start;
                int d = 0;
                while (end < header.length()) {
                    char e = header.charAt(end);
                    if (e == '<') {
                        d++;
                    } else if (e == '>') {
                        d--;
                    } else if (d == 0 && (e == ' ' || e == '{')) {
                        break;
                    }
                    end++;
                }
                return header.substring(start, end);
            }
        }
        return null;
    }

    /** A type without its type arguments. */
    static String raw(String type) {
        int lt = type.indexOf('<');
        return lt < 0 ? type : type.substring(0, lt);
    }

    /** javap -protected over the classes directory, one run per class. */
    static final class Javap {
        private final Path classes;
        private final ToolProvider tool = ToolProvider.findFirst("javap").orElseThrow();
        private final Map<String, List<String>> cache = new HashMap<>();

        Javap(Path classes) {
            this.classes = classes;
        }

        boolean exists(String name) {
            return Files.isRegularFile(file(name));
        }

        /** Public or protected, and so is every class it is nested in. */
        boolean isApi(String name) {
            String header = lines(name).get(0);
            if (!(header.startsWith("public ") || header.startsWith("protected "))) {
                return false;
            }
            int dollar = name.lastIndexOf('$');
            return dollar < 0 || !exists(name.substring(0, dollar)) || isApi(name.substring(0, dollar));
        }

        /** The header, the member lines and the closing brace javap prints for a class. */
        List<String> lines(String name) {
            return cache.computeIfAbsent(name, n -> {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                try (PrintWriter w = new PrintWriter(buf, true, StandardCharsets.UTF_8)) {
                    int rc = tool.run(w, w, "-protected", file(n).toString());
                    if (rc != 0) {
                        throw new IllegalStateException("javap failed on " + n + ": " + buf);
                    }
                }
                return buf.toString(StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("Compiled from"))
                        .toList();
            });
        }

        private Path file(String name) {
            return classes.resolve(name.replace('.', '/') + ".class");
        }
    }
}

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringBuilder out = new StringBuilder("module " + module.name() + "\n");
        for (Path file : files) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (PrintWriter w = new PrintWriter(buf, true, StandardCharsets.UTF_8)) {
                int rc = javap.run(w, w, "-protected", file.toString());
                if (rc != 0) {
                    throw new IllegalStateException("javap failed on " + file + ": " + buf);
                }
            }
            List<String> lines = buf.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("Compiled from"))
                    .toList();
            // javap -protected still prints the header of a non-public class: leave those out
            if (lines.isEmpty() || !(lines.get(0).startsWith("public ") || lines.get(0).startsWith("protected "))) {
                continue;
            }
            for (String line : lines) {
                out.append(line.strip().isEmpty() ? "" : line).append('\n');
            }
        }
        return out.toString();
    }
}

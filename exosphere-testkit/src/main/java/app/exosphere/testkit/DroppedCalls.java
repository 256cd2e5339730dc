package app.exosphere.testkit;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds {@code app.exosphere.core.http.Call}s that are built and thrown away: an operation returns a {@code Call} and sends
 * nothing until {@code execute()}, so a statement {@code servers.delete(id);} compiles and silently
 * does nothing. Reported: expression statements whose value is a {@code Call}, expression lambdas whose
 * body is a {@code Call} where the lambda returns nothing ({@code () -> servers.delete(id)} as a
 * {@code Runnable}), and method references to a {@code Call}-returning method used where nothing is
 * returned ({@code ids.forEach(servers::delete)}).
 *
 * <p>The sources are attributed with the JDK's compiler (no class files written) against {@code
 * classPath}; a source that does not compile is an error. The SDK's own modules run it over their sources;
 * a gateway's tests can run it over theirs:
 *
 * <pre>{@code
 * List<String> dropped = DroppedCalls.find(List.of(Path.of("src", "main", "java")), System.getProperty("java.class.path"));
 * if (!dropped.isEmpty()) throw new AssertionError("Calls never executed: " + dropped);
 * }</pre>
 */
public final class DroppedCalls {
    private static final String CALL = "app.exosphere.core.http.Call";
    private static final String SERVICE_CALL = "app.exosphere.core.http.ServiceCall";

    private DroppedCalls() {}

    /**
     * {@code file:line: what} for every dropped call in the {@code .java} files under {@code roots}
     * ({@code module-info.java} skipped).
     *
     * @param roots source directories to scan
     * @param classPath what the sources compile against; exosphere-core must be on it
     * @throws IOException if a source cannot be read
     * @throws IllegalStateException if the sources do not compile against {@code classPath}
     */
    public static List<String> find(List<Path> roots, String classPath) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                        .forEach(sources::add);
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> found = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            StringWriter out = new StringWriter();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            JavacTask task = (JavacTask) javac.getTask(
                    out,
                    files,
                    diagnostics,
                    List.of("-proc:none", "-classpath", classPath, "-Xlint:none", "-nowarn"),
                    null,
                    files.getJavaFileObjectsFromPaths(sources));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the sources do not compile: " + errors);
            }
            Trees trees = Trees.instance(task);
            Types types = task.getTypes();
            TypeElement callElement = task.getElements().getTypeElement(CALL);
            if (callElement == null) {
                throw new IllegalStateException("Call is not on the class path given: " + out);
            }
            TypeMirror call = types.erasure(callElement.asType());
            for (CompilationUnitTree unit : units) {
                new Scanner(unit, trees, types, call, found).scan(unit, null);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final Trees trees;
        private final Types types;
        private final TypeMirror call;
        private final List<String> found;

        Scanner(CompilationUnitTree unit, Trees trees, Types types, TypeMirror call, List<String> found) {
            this.unit = unit;
            this.trees = trees;
            this.types = types;
            this.call = call;
            this.found = found;
        }

        @Override
        public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
            TreePath expression = new TreePath(getCurrentPath(), node.getExpression());
            if (isCall(trees.getTypeMirror(expression)) && !isFluentSetter(trees.getElement(expression))) {
                report(node, "a Call built and never executed: " + node.getExpression());
            }
            return super.visitExpressionStatement(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            if (node.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION
                    && returnsNothing(trees.getTypeMirror(getCurrentPath()))
                    && isCall(trees.getTypeMirror(new TreePath(getCurrentPath(), node.getBody())))
                    && !isFluentSetter(trees.getElement(new TreePath(getCurrentPath(), node.getBody())))) {
                report(node, "a lambda that builds a Call and drops it: " + node);
            }
            return super.visitLambdaExpression(node, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree node, Void unused) {
            if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
                    && isCall(method.getReturnType())
                    && !isFluentSetter(method)
                    && returnsNothing(trees.getTypeMirror(getCurrentPath()))) {
                report(node, "a method reference whose Call is dropped: " + node);
            }
            return super.visitMemberReference(node, unused);
        }

        /**
         * A {@code ServiceCall} builder method ({@code query}, {@code microversion}, …): it returns the same
         * request for chaining, so ignoring its result drops nothing.
         */
        private boolean isFluentSetter(javax.lang.model.element.Element element) {
            return element instanceof ExecutableElement method
                    && method.getEnclosingElement() instanceof TypeElement owner
                    && owner.getQualifiedName().contentEquals(SERVICE_CALL)
                    && types.isSameType(types.erasure(method.getReturnType()), types.erasure(owner.asType()));
        }

        private boolean isCall(TypeMirror type) {
            return type != null && type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), call);
        }

        /** Whether the functional interface's single abstract method returns {@code void}. */
        private boolean returnsNothing(TypeMirror functionalInterface) {
            if (!(functionalInterface instanceof DeclaredType declared)) {
                return false;
            }
            for (var member : ((TypeElement) declared.asElement()).getEnclosedElements()) {
                if (member.getKind() == ElementKind.METHOD
                        && member.getModifiers().contains(Modifier.ABSTRACT)
                        && member instanceof ExecutableElement m) {
                    return m.getReturnType().getKind() == TypeKind.VOID;
                }
            }
            return false;
        }

        private void report(Tree node, String what) {
            long line =
                    unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, node));
            found.add(Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + line + ": " + what);
        }
    }
}

package io.telcoflow.test.docs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md} against this
 * module's test classpath, so that the documentation's examples keep up with the code. A block
 * preceded by the line {@code <!-- fragment -->} is a fragment and is not compiled; every other
 * block must be a complete compilation unit. The blocks of one page are compiled together, so one
 * block may use a class another block of the same page declares.
 */
class DocsExamplesCompileTests {

	private static final String FRAGMENT_MARKER = "<!-- fragment -->";

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
			Pattern.MULTILINE);

	private static final Pattern ANY_TYPE = Pattern.compile(
			"^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
			Pattern.MULTILINE);

	@TestFactory
	Stream<DynamicTest> everyJavaBlockOfEveryPageCompiles() throws IOException {
		return pages().stream()
			.map((page) -> DynamicTest.dynamicTest(relative(page), () -> assertCompiles(page)));
	}

	@Test
	void documentationHasCompiledExamples() throws IOException {
		long blocks = 0;
		for (Path page : pages()) {
			blocks += extractBlocks(page).stream().filter((block) -> !block.fragment()).count();
		}
		assertTrue(blocks > 0, "no compiled ```java block found in README.md or docs/");
	}

	@Test
	void extractionSkipsFragmentsAndKeepsLineNumbers() {
		String markdown = String.join("\n", "# Page", "", "```java", "package a;", "class A {}", "```", "",
				FRAGMENT_MARKER, "```java", "call.answer();", "```", "```yaml", "x: 1", "```", "");
		List<Block> blocks = extractBlocks(Paths.get("page.md"), markdown);
		assertEquals(2, blocks.size());
		assertFalse(blocks.get(0).fragment());
		assertEquals(4, blocks.get(0).firstLine());
		assertEquals("package a;\nclass A {}\n", blocks.get(0).code());
		assertTrue(blocks.get(1).fragment());
	}

	@Test
	void brokenBlockIsReportedWithPageBlockAndCompilerError() {
		Block broken = new Block(Paths.get("page.md"), 1, 10, "package a;\npublic class A { int x = ; }\n", false);
		List<String> errors = compile(List.of(broken));
		assertEquals(1, errors.size(), () -> String.join("\n", errors));
		assertTrue(errors.get(0).startsWith("page.md block 1 (line 11):"), errors.get(0));
	}

	private void assertCompiles(Path page) throws IOException {
		List<Block> blocks = extractBlocks(page).stream().filter((block) -> !block.fragment()).toList();
		List<String> errors = compile(blocks);
		if (!errors.isEmpty()) {
			fail(relative(page) + ": " + errors.size() + " compiler error(s) in ```java blocks (mark a deliberate "
					+ "fragment with a '" + FRAGMENT_MARKER + "' line before it):\n" + String.join("\n", errors));
		}
	}

	private static List<String> compile(List<Block> blocks) {
		if (blocks.isEmpty()) {
			return List.of();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertNotNull(compiler, "tests must run on a JDK, not a JRE");
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<BlockSource> sources = blocks.stream().map(BlockSource::new).toList();
		List<String> options = List.of("-classpath", testClassPath(), "-proc:none", "-encoding", "UTF-8");
		try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8); JavaFileManager inMemory = new DiscardingFileManager(standard)) {
			compiler.getTask(null, inMemory, diagnostics, options, null, sources).call();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.sorted(Comparator.comparingInt(DocsExamplesCompileTests::blockNumber)
				.thenComparingLong(Diagnostic::getLineNumber))
			.map(DocsExamplesCompileTests::describe)
			.toList();
	}

	private static int blockNumber(Diagnostic<? extends JavaFileObject> diagnostic) {
		return (diagnostic.getSource() instanceof BlockSource source) ? source.block.number() : 0;
	}

	private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
		String where = (diagnostic.getSource() instanceof BlockSource source) ? source.describe(diagnostic)
				: "(no source)";
		return where + " " + diagnostic.getMessage(Locale.ROOT);
	}

	/**
	 * Returns the test classpath. Under Surefire {@code java.class.path} may hold only the booter
	 * jar, whose manifest lists the real classpath.
	 */
	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		if (surefire != null && !surefire.isBlank()) {
			return surefire;
		}
		Set<String> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(entry);
			entries.addAll(manifestClassPath(entry));
		}
		if (DocsExamplesCompileTests.class.getClassLoader() instanceof URLClassLoader loader) {
			for (URL url : loader.getURLs()) {
				entries.add(toPath(url.toString()));
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static List<String> manifestClassPath(String entry) {
		if (!entry.endsWith(".jar")) {
			return List.of();
		}
		try (JarFile jar = new JarFile(entry)) {
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath == null) {
				return List.of();
			}
			return Stream.of(classPath.trim().split("\\s+")).map(DocsExamplesCompileTests::toPath).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static String toPath(String urlOrPath) {
		try {
			return urlOrPath.startsWith("file:") ? Paths.get(URI.create(urlOrPath)).toString() : urlOrPath;
		}
		catch (IllegalArgumentException ex) {
			return urlOrPath;
		}
	}

	private static List<Path> pages() throws IOException {
		Path root = repositoryRoot();
		List<Path> pages = new ArrayList<>();
		Path readme = root.resolve("README.md");
		if (Files.isRegularFile(readme)) {
			pages.add(readme);
		}
		Path docs = root.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.walk(docs)) {
				pages.addAll(files.filter((file) -> file.toString().endsWith(".md")).sorted().toList());
			}
		}
		return pages;
	}

	private static Path repositoryRoot() {
		Path dir = Paths.get("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("README.md"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("no repository root (a directory with mvnw and README.md) above "
				+ Paths.get("").toAbsolutePath());
	}

	private static String relative(Path page) {
		return repositoryRoot().relativize(page.toAbsolutePath()).toString().replace(File.separatorChar, '/');
	}

	private static List<Block> extractBlocks(Path page) throws IOException {
		return extractBlocks(Paths.get(relative(page)), Files.readString(page, StandardCharsets.UTF_8));
	}

	static List<Block> extractBlocks(Path page, String markdown) {
		List<Block> blocks = new ArrayList<>();
		String[] lines = markdown.split("\r?\n", -1);
		String previousNonBlank = "";
		for (int i = 0; i < lines.length; i++) {
			String trimmed = lines[i].trim();
			if (trimmed.startsWith("```")) {
				boolean java = trimmed.substring(3).trim().equals("java");
				boolean fragment = previousNonBlank.equals(FRAGMENT_MARKER);
				StringBuilder code = new StringBuilder();
				int first = i + 2;
				i++;
				while (i < lines.length && !lines[i].trim().equals("```")) {
					code.append(lines[i]).append('\n');
					i++;
				}
				if (java) {
					blocks.add(new Block(page, blocks.size() + 1, first, code.toString(), fragment));
				}
				previousNonBlank = "```";
				continue;
			}
			if (!trimmed.isEmpty()) {
				previousNonBlank = trimmed;
			}
		}
		return blocks;
	}

	/**
	 * A {@code ```java} block.
	 *
	 * @param page the page, relative to the repository root
	 * @param number the block's number among the page's java blocks, from 1
	 * @param firstLine the page's line number of the block's first code line
	 * @param code the code
	 * @param fragment whether it is marked as a fragment
	 */
	record Block(Path page, int number, int firstLine, String code, boolean fragment) {

		String typeName() {
			Matcher publicType = PUBLIC_TYPE.matcher(this.code);
			if (publicType.find()) {
				return publicType.group(1);
			}
			Matcher anyType = ANY_TYPE.matcher(this.code);
			return anyType.find() ? anyType.group(1) : "Block" + this.number;
		}

		String packagePath() {
			Matcher matcher = PACKAGE.matcher(this.code);
			return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
		}

	}

	private static final class BlockSource extends SimpleJavaFileObject {

		private final Block block;

		BlockSource(Block block) {
			super(URI.create("string:///block" + block.number() + "/" + block.packagePath() + block.typeName()
					+ Kind.SOURCE.extension), Kind.SOURCE);
			this.block = block;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.block.code();
		}

		String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
			String page = this.block.page().toString().replace(File.separatorChar, '/');
			long line = diagnostic.getLineNumber();
			String at = (line > 0) ? " (line " + (this.block.firstLine() + line - 1) + ")" : "";
			return page + " block " + this.block.number() + at + ":";
		}

	}

	/**
	 * Keeps compiled classes out of the file system: the examples only have to compile.
	 */
	private static final class DiscardingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

		DiscardingFileManager(StandardJavaFileManager delegate) {
			super(delegate);
		}

		@Override
		public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
				FileObject sibling) {
			return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
					kind) {

				@Override
				public OutputStream openOutputStream() {
					return OutputStream.nullOutputStream();
				}

			};
		}

		@Override
		public FileObject getFileForOutput(Location location, String packageName, String relativeName,
				FileObject sibling) {
			return getJavaFileForOutput(location, packageName + "." + relativeName, JavaFileObject.Kind.OTHER,
					sibling);
		}

	}

}

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a Maven repository that {@code ./mvnw -Prelease deploy} wrote to a local directory: what
 * Maven Central requires of each published artifact. Run by {@code .ci/release-check}:
 * {@code java .ci/ReleaseCheck.java STAGING_DIR [--signed] [--docs FILE...]}.
 * <p>
 * The published modules are the ones telcoflow-bom lists, plus telcoflow-parent (every module's
 * POM names it as parent) and the BOM itself; the BOM has no parent and manages only them. Anything else deployed is an error, so a new module
 * is either added to the BOM or marked {@code maven.deploy.skip}. For each: its POM, and for a
 * jar its jar, sources jar and Javadoc jar, each with correct .md5 and .sha1 (and .asc with
 * {@code --signed}); the POM, with what it inherits from telcoflow-parent, has name, description,
 * URL, licence, SCM and developers, and the version of the BOM. With {@code --docs}, every
 * {@code io.telcoflow} artifact that the files' Maven and Gradle snippets name must be published.
 * Exits 1 with one line per problem.
 */
public class ReleaseCheck {

	static final String GROUP = "io.telcoflow";

	static final String PARENT = "telcoflow-parent";

	static final String BOM = "telcoflow-bom";

	final Path groupDir;

	final boolean signed;

	final List<String> problems = new ArrayList<>();

	ReleaseCheck(Path staging, boolean signed) {
		this.groupDir = staging.resolve(GROUP.replace('.', '/'));
		this.signed = signed;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: java .ci/ReleaseCheck.java STAGING_DIR [--signed] [--docs FILE...]");
			System.exit(2);
		}
		boolean signed = false;
		List<Path> docs = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--signed")) {
				signed = true;
			}
			else if (args[i].equals("--docs")) {
				while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					docs.add(Path.of(args[++i]));
				}
			}
		}
		ReleaseCheck check = new ReleaseCheck(Path.of(args[0]), signed);
		check.run(docs);
		if (!check.problems.isEmpty()) {
			check.problems.forEach((problem) -> System.out.println("release check: " + problem));
			System.out.println("release check: FAILED, " + check.problems.size() + " problem(s)");
			System.exit(1);
		}
	}

	void run(List<Path> docs) throws Exception {
		if (!Files.isDirectory(this.groupDir)) {
			this.problems.add("nothing deployed under " + this.groupDir);
			return;
		}
		Artifact bom = artifact(BOM);
		if (bom == null) {
			return;
		}
		Element bomPom = bom.pom();
		Set<String> published = new LinkedHashSet<>(List.of(PARENT, BOM));
		if (child(bomPom, "parent") != null) {
			this.problems.add(GROUP + ":" + BOM + " has a parent: importing it would import the parent's dependency management too");
		}
		for (Element dependency : children(child(child(bomPom, "dependencyManagement"), "dependencies"), "dependency")) {
			if (GROUP.equals(text(dependency, "groupId"))) {
				published.add(text(dependency, "artifactId"));
			}
			else {
				this.problems.add(GROUP + ":" + BOM + " manages " + text(dependency, "groupId") + ":"
						+ text(dependency, "artifactId") + ": it would pin a version in its users' builds");
			}
		}
		Set<String> deployed = new TreeSet<>();
		try (Stream<Path> dirs = Files.list(this.groupDir)) {
			dirs.filter(Files::isDirectory).forEach((dir) -> deployed.add(dir.getFileName().toString()));
		}
		for (String name : deployed) {
			if (!published.contains(name)) {
				this.problems.add(GROUP + ":" + name + " was deployed but telcoflow-bom does not list it: add it to "
						+ "telcoflow-bom/pom.xml, or set maven.deploy.skip=true in its POM if it is not published");
			}
		}
		Artifact parent = artifact(PARENT);
		for (String name : published) {
			Artifact artifact = name.equals(BOM) ? bom : name.equals(PARENT) ? parent : artifact(name);
			if (artifact != null) {
				checkArtifact(artifact, bom.version, (artifact == parent || artifact == bom) ? null : parent);
			}
		}
		for (Path doc : docs) {
			checkSnippets(doc, published);
		}
	}

	void checkArtifact(Artifact artifact, String version, Artifact parent) throws Exception {
		String id = GROUP + ":" + artifact.name + ":" + artifact.version;
		int before = this.problems.size();
		if (!artifact.version.equals(version)) {
			this.problems.add(id + ": version differs from telcoflow-bom's " + version);
		}
		Element pom = artifact.pom();
		List<String> files = new ArrayList<>(List.of(artifact.file("", "pom")));
		String packaging = text(pom, "packaging");
		if (packaging == null || packaging.equals("jar")) {
			files.add(artifact.file("", "jar"));
			files.add(artifact.file("sources", "jar"));
			files.add(artifact.file("javadoc", "jar"));
			checkJarContent(id, artifact.dir.resolve(artifact.file("sources", "jar")), ".java", "sources");
			checkJarContent(id, artifact.dir.resolve(artifact.file("javadoc", "jar")), "index.html", "Javadoc");
		}
		try (Stream<Path> all = Files.list(artifact.dir)) {
			// Other attached files (the simulator's -standalone.jar) need checksums and signatures too.
			all.map((path) -> path.getFileName().toString())
				.filter((file) -> file.startsWith(artifact.name + "-" + artifact.fileVersion) && !isSidecar(file))
				.filter((file) -> !files.contains(file))
				.forEach(files::add);
		}
		for (String file : files) {
			checkFile(id, artifact.dir.resolve(file));
		}
		checkMetadata(id, pom, (parent != null) ? parent.pom() : null);
		if (this.problems.size() == before) {
			System.out.println("release check: ok " + id + " " + String.join(", ", files.stream()
				.map((file) -> file.substring(artifact.name.length() + artifact.fileVersion.length() + 1))
				.map((rest) -> rest.replaceFirst("^[-.]", ""))
				.toList()));
		}
	}

	void checkFile(String id, Path file) throws Exception {
		if (!Files.isRegularFile(file)) {
			this.problems.add(id + ": missing " + file.getFileName());
			return;
		}
		byte[] content = Files.readAllBytes(file);
		for (String algorithm : List.of("MD5", "SHA-1")) {
			Path sum = Path.of(file + "." + algorithm.toLowerCase().replace("-", ""));
			String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
			if (!Files.isRegularFile(sum)) {
				this.problems.add(id + ": missing " + sum.getFileName());
			}
			else if (!Files.readString(sum).trim().startsWith(expected)) {
				this.problems.add(id + ": " + sum.getFileName() + " does not match the file");
			}
		}
		if (this.signed && !Files.isRegularFile(Path.of(file + ".asc"))) {
			this.problems.add(id + ": missing signature " + file.getFileName() + ".asc");
		}
	}

	void checkJarContent(String id, Path jar, String wanted, String what) throws IOException {
		if (!Files.isRegularFile(jar)) {
			return; // reported by checkFile
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			// A module without code publishes a placeholder with a README, as Central allows.
			boolean ok = zip.stream().anyMatch((entry) -> entry.getName().endsWith(wanted) || entry.getName().equals("README.md"));
			if (!ok) {
				this.problems.add(id + ": the " + what + " jar has no " + wanted + " (and no placeholder README.md)");
			}
		}
	}

	/** Name and description of the POM itself; the rest may come from telcoflow-parent. */
	void checkMetadata(String id, Element pom, Element parent) {
		require(id, pom, null, "name", "name");
		require(id, pom, parent, "description", "description");
		require(id, pom, parent, "url", "url");
		require(id, pom, parent, "licenses/license/name", "licence name");
		require(id, pom, parent, "licenses/license/url", "licence URL");
		require(id, pom, parent, "scm/url", "SCM URL");
		require(id, pom, parent, "scm/connection", "SCM connection");
		require(id, pom, parent, "scm/developerConnection", "SCM developer connection");
		require(id, pom, parent, "developers/developer/name", "developer name");
		if (pom != null && text(pom, "url") == null && parent != null
				&& !"false".equals(parent.getAttribute("child.project.url.inherit.append.path"))) {
			this.problems.add(id + ": inherits url with its artifactId appended (set child.project.url.inherit.append.path=\"false\" in telcoflow-parent)");
		}
		if (pom != null && child(pom, "scm") == null && parent != null && child(parent, "scm") != null
				&& !"false".equals(child(parent, "scm").getAttribute("child.scm.url.inherit.append.path"))) {
			this.problems.add(id + ": inherits scm with its artifactId appended (set child.scm.*.inherit.append.path=\"false\" in telcoflow-parent)");
		}
	}

	void require(String id, Element pom, Element parent, String path, String what) {
		if (value(pom, path) == null && (parent == null || value(parent, path) == null)) {
			this.problems.add(id + ": POM has no " + what + " (" + path + ")" + ((parent != null) ? ", nor does " + PARENT : ""));
		}
	}

	/** The io.telcoflow coordinates in a page's xml and kotlin snippets must be published. */
	void checkSnippets(Path doc, Set<String> published) throws IOException {
		int before = this.problems.size();
		String text = Files.readString(doc);
		Matcher blocks = Pattern.compile("```(xml|kotlin|kts)\\n(.*?)```", Pattern.DOTALL).matcher(text);
		Set<String> named = new TreeSet<>();
		while (blocks.find()) {
			Matcher maven = Pattern.compile("<groupId>io\\.telcoflow</groupId>\\s*<artifactId>([\\w.-]+)</artifactId>").matcher(blocks.group(2));
			while (maven.find()) {
				named.add(maven.group(1));
			}
			Matcher gradle = Pattern.compile("\"io\\.telcoflow:([\\w.-]+)(:[^\"]*)?\"").matcher(blocks.group(2));
			while (gradle.find()) {
				named.add(gradle.group(1));
			}
		}
		if (named.isEmpty()) {
			this.problems.add(doc + ": no Maven or Gradle snippet names an io.telcoflow artifact");
		}
		for (String name : named) {
			if (!published.contains(name) || name.equals(PARENT)) {
				this.problems.add(doc + ": a snippet names " + GROUP + ":" + name + ", which is not published");
			}
		}
		if (this.problems.size() == before) {
			System.out.println("release check: ok " + doc + " names " + String.join(", ", named));
		}
	}

	Artifact artifact(String name) throws Exception {
		Path dir = this.groupDir.resolve(name);
		List<Path> versions;
		try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
			versions = list.filter(Files::isDirectory).toList();
		}
		if (versions.size() != 1) {
			this.problems.add(GROUP + ":" + name + ": expected one deployed version, found " + versions.size()
					+ " (deploy into an empty directory)");
			return null;
		}
		Path versionDir = versions.get(0);
		String version = versionDir.getFileName().toString();
		String fileVersion = version;
		if (version.endsWith("-SNAPSHOT")) {
			// A snapshot's files carry a timestamp and build number instead of "SNAPSHOT".
			Element versioning = child(parse(versionDir.resolve("maven-metadata.xml")), "versioning");
			Element snapshot = child(versioning, "snapshot");
			fileVersion = version.substring(0, version.length() - "SNAPSHOT".length()) + text(snapshot, "timestamp")
					+ "-" + text(snapshot, "buildNumber");
		}
		return new Artifact(name, version, fileVersion, versionDir);
	}

	static boolean isSidecar(String file) {
		return file.matches(".*\\.(md5|sha1|sha256|sha512|asc)$");
	}

	static Element parse(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		try (InputStream in = Files.newInputStream(file)) {
			return factory.newDocumentBuilder().parse(in).getDocumentElement();
		}
	}

	static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	static List<Element> children(Element parent, String name) {
		List<Element> result = new ArrayList<>();
		if (parent != null) {
			for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element element && element.getTagName().equals(name)) {
					result.add(element);
				}
			}
		}
		return result;
	}

	static String text(Element parent, String name) {
		Element element = child(parent, name);
		String text = (element != null) ? element.getTextContent().trim() : "";
		return text.isEmpty() ? null : text;
	}

	static String value(Element element, String path) {
		String[] steps = path.split("/");
		for (int i = 0; i < steps.length - 1 && element != null; i++) {
			element = child(element, steps[i]);
		}
		return (element != null) ? text(element, steps[steps.length - 1]) : null;
	}

	record Artifact(String name, String version, String fileVersion, Path dir) {

		String file(String classifier, String extension) {
			return this.name + "-" + this.fileVersion + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
		}

		Element pom() throws Exception {
			return parse(this.dir.resolve(file("", "pom")));
		}

	}

}

package io.telcoflow.client;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What applications can see of {@code telcoflow-client}: public types only in the API packages,
 * everything else under {@code io.telcoflow.client.internal}, and no internal type in the
 * signature of an API member.
 */
class PublicApiTests {

	private static final String INTERNAL = "io.telcoflow.client.internal";

	private static final Set<String> API_PACKAGES = Set.of("io.telcoflow.client", "io.telcoflow.client.audio",
			"io.telcoflow.client.exception", "io.telcoflow.client.tls");

	@Test
	void publicTypesOutsideTheInternalPackagesAreInTheApiPackages() throws Exception {
		List<Class<?>> exposed = publicTypes().stream()
			.filter((type) -> !type.getPackageName().startsWith(INTERNAL))
			.filter((type) -> !API_PACKAGES.contains(type.getPackageName()))
			.toList();
		assertThat(exposed).isEmpty();
	}

	@Test
	void theAudioPackageHoldsOnlyWhatApplicationsUse() throws Exception {
		assertThat(publicTypes().stream().filter((type) -> type.getPackageName().equals("io.telcoflow.client.audio")))
			.extracting(Class::getSimpleName)
			.containsExactlyInAnyOrder("AudioStream", "AudioListener", "AudioSender");
	}

	@Test
	void noApiMemberShowsAnInternalType() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : publicTypes()) {
			if (type.getPackageName().startsWith(INTERNAL)) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				if (visible(method.getModifiers()) && !method.isSynthetic()) {
					check(leaks, method, method.getGenericReturnType());
					checkParameters(leaks, method);
				}
			}
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (visible(constructor.getModifiers())) {
					checkParameters(leaks, constructor);
				}
			}
			for (Field field : type.getDeclaredFields()) {
				if (visible(field.getModifiers())) {
					check(leaks, field, field.getGenericType());
				}
			}
			for (Type supertype : Stream.concat(Stream.ofNullable(type.getGenericSuperclass()),
					Stream.of(type.getGenericInterfaces())).toList()) {
				check(leaks, type, supertype);
			}
		}
		assertThat(leaks).isEmpty();
	}

	private static void checkParameters(List<String> leaks, Executable executable) {
		for (Type parameter : executable.getGenericParameterTypes()) {
			check(leaks, executable, parameter);
		}
		for (Type exception : executable.getGenericExceptionTypes()) {
			check(leaks, executable, exception);
		}
	}

	private static void check(List<String> leaks, Object member, Type type) {
		if (type.getTypeName().contains(INTERNAL + ".")) {
			leaks.add(member + " shows " + type.getTypeName());
		}
	}

	private static boolean visible(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	/**
	 * The public types (nested ones included) compiled from the client's main sources.
	 */
	private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
		Path classes = Path.of(TelcoflowClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
				name = name.substring(0, name.length() - ".class".length());
				if (name.endsWith("package-info") || name.equals("module-info")) {
					continue;
				}
				Class<?> type = Class.forName(name, false, PublicApiTests.class.getClassLoader());
				if (isPublic(type)) {
					types.add(type);
				}
			}
		}
		assertThat(types).contains(TelcoflowClient.class, ActiveCall.class);
		return types;
	}

	private static boolean isPublic(Class<?> type) {
		for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
			if (!Modifier.isPublic(current.getModifiers()) || current.isAnonymousClass() || current.isLocalClass()) {
				return false;
			}
		}
		return true;
	}

}

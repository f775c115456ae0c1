package io.telcoflow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * TLS key material for the simulator and for the clients that test against it.
 * <p>
 * <strong>TEST-ONLY.</strong> The files come from {@code io/telcoflow/simulator/tls/} on the
 * classpath: a test CA, a server certificate for {@code localhost} / {@code 127.0.0.1}, a client
 * certificate signed by the test CA, and a client certificate from another CA (which the simulator
 * must refuse). Their private keys are public. Never use them outside tests. Every method returns a
 * file {@link Path} (copied out of the jar to a temporary directory when needed).
 */
public final class SimulatorTls {

	/** Password of every keystore here (and of nothing else, ever). */
	public static final String TEST_PASSWORD = "changeit";

	private static final String BASE = "io/telcoflow/simulator/tls/";

	private static @Nullable Path extracted;

	private final Path keyStore;

	private final String password;

	private SimulatorTls(Path keyStore, String password) {
		this.keyStore = keyStore;
		this.password = password;
	}

	/**
	 * The simulator's server key material: a certificate for {@code localhost} and {@code 127.0.0.1}
	 * signed by the test CA.
	 * @return the server TLS material
	 */
	public static SimulatorTls testServer() {
		return new SimulatorTls(file("server.p12"), TEST_PASSWORD);
	}

	/**
	 * Server key material from a PKCS12 keystore of your own.
	 * @param keyStore the PKCS12 file with one private key entry
	 * @param password its password
	 * @return the server TLS material
	 */
	public static SimulatorTls serverKeyStore(Path keyStore, String password) {
		return new SimulatorTls(keyStore, password);
	}

	/**
	 * Returns the server keystore file.
	 * @return the PKCS12 file
	 */
	public Path keyStore() {
		return this.keyStore;
	}

	/**
	 * The test CA certificate in PEM, for clients' trust.
	 * @return the file
	 */
	public static Path testCaCertificatePem() {
		return file("test-ca.crt.pem");
	}

	/**
	 * The test CA certificate as a PKCS12 trust store (password {@link #TEST_PASSWORD}).
	 * @return the file
	 */
	public static Path testCaTrustStore() {
		return file("test-ca-truststore.p12");
	}

	/**
	 * A PKCS12 client keystore whose certificate the test CA signed (password {@link #TEST_PASSWORD}).
	 * @return the file
	 */
	public static Path testClientKeyStore() {
		return file("client.p12");
	}

	/**
	 * The client certificate of {@link #testClientKeyStore()} in PEM (with the CA certificate after it).
	 * @return the file
	 */
	public static Path testClientCertificatePem() {
		return file("client.crt.pem");
	}

	/**
	 * The private key of {@link #testClientKeyStore()} in unencrypted PKCS#8 PEM.
	 * @return the file
	 */
	public static Path testClientPrivateKeyPem() {
		return file("client.key.pem");
	}

	/**
	 * A PKCS12 client keystore from ANOTHER CA: the simulator refuses it in the TLS handshake.
	 * @return the file
	 */
	public static Path otherCaClientKeyStore() {
		return file("other-ca-client.p12");
	}

	/**
	 * The certificate of {@link #otherCaClientKeyStore()} in PEM.
	 * @return the file
	 */
	public static Path otherCaClientCertificatePem() {
		return file("other-ca-client.crt.pem");
	}

	/**
	 * The private key of {@link #otherCaClientKeyStore()} in unencrypted PKCS#8 PEM.
	 * @return the file
	 */
	public static Path otherCaClientPrivateKeyPem() {
		return file("other-ca-client.key.pem");
	}

	/**
	 * A client {@link SSLContext} that trusts the test CA, optionally with a client keystore.
	 * @param clientKeyStore a PKCS12 keystore with password {@link #TEST_PASSWORD}, or {@code null}
	 * @return the context
	 */
	public static SSLContext clientSslContext(@Nullable Path clientKeyStore) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			KeyManagerFactory keyManagers = null;
			if (clientKeyStore != null) {
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(load(clientKeyStore, TEST_PASSWORD), TEST_PASSWORD.toCharArray());
			}
			context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, testCaTrustManagers().getTrustManagers(),
					null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build the test client SSLContext", ex);
		}
	}

	SSLContext serverSslContext() {
		try {
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(load(this.keyStore, this.password), this.password.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), testCaTrustManagers().getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build the simulator's server SSLContext", ex);
		}
	}

	private static TrustManagerFactory testCaTrustManagers() throws GeneralSecurityException {
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(load(testCaTrustStore(), TEST_PASSWORD));
		return trustManagers;
	}

	private static KeyStore load(Path path, String password) throws GeneralSecurityException {
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, password.toCharArray());
			return keyStore;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read keystore " + path, ex);
		}
	}

	private static synchronized Path file(String name) {
		try {
			if (extracted == null) {
				extracted = Files.createTempDirectory("telcoflow-simulator-tls-");
				extracted.toFile().deleteOnExit();
			}
			Path target = extracted.resolve(name);
			if (!Files.exists(target)) {
				try (InputStream in = SimulatorTls.class.getClassLoader().getResourceAsStream(BASE + name)) {
					if (in == null) {
						throw new IllegalStateException("Test TLS resource " + BASE + name + " is missing");
					}
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				target.toFile().deleteOnExit();
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "SimulatorTls[" + this.keyStore.getFileName() + "]";
	}

}

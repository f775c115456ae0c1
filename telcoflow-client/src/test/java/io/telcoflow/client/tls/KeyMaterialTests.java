package io.telcoflow.client.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.net.ssl.X509KeyManager;

import io.telcoflow.simulator.SimulatorTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClientCertificate} and {@link TrustMaterial}.
 */
class KeyMaterialTests {

	private static final char[] PASSWORD = SimulatorTls.TEST_PASSWORD.toCharArray();

	@TempDir
	Path temp;

	private static Path resource(String name) throws Exception {
		return Paths.get(KeyMaterialTests.class.getResource("/tls/" + name).toURI());
	}

	@Test
	void keyStoreCertificatePresentsItsKey() {
		ClientCertificate certificate = ClientCertificate.keyStore(SimulatorTls.testClientKeyStore(), "PKCS12", PASSWORD);
		assertThat(certificate.keyManagers()).singleElement().isInstanceOf(X509KeyManager.class);
		assertThat(certificate.toString()).contains("client.p12").doesNotContain(SimulatorTls.TEST_PASSWORD);
	}

	@Test
	void pemRsaCertificateAndKeyLoad() {
		ClientCertificate certificate = ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
				SimulatorTls.testClientPrivateKeyPem());
		X509KeyManager keyManager = (X509KeyManager) certificate.keyManagers()[0];
		assertThat(keyManager.getCertificateChain("client")).isNotEmpty();
	}

	@Test
	void pemEcCertificateAndKeyLoad() throws Exception {
		ClientCertificate certificate = ClientCertificate.pem(resource("ec-client.crt.pem"), resource("ec-client.key.pem"));
		X509KeyManager keyManager = (X509KeyManager) certificate.keyManagers()[0];
		assertThat(keyManager.getPrivateKey("client").getAlgorithm()).isEqualTo("EC");
	}

	@Test
	void missingFilesFailNamingTheSetting() {
		Path missing = this.temp.resolve("missing.p12");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientCertificate.keyStore(missing, "PKCS12", PASSWORD))
			.withMessageContaining("'clientCertificate'")
			.withMessageContaining("does not exist");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(missing, SimulatorTls.testClientPrivateKeyPem()))
			.withMessageContaining("'clientCertificate.certificate'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(), missing))
			.withMessageContaining("'clientCertificate.privateKey'");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustMaterial.pem(missing))
			.withMessageContaining("'trustMaterial'");
	}

	@Test
	void wrongPasswordOrTypeFailsWithoutShowingThePassword() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.keyStore(SimulatorTls.testClientKeyStore(), "PKCS12",
					"very-wrong".toCharArray()))
			.withMessageContaining("wrong type or password")
			.withMessageNotContaining("very-wrong");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.keyStore(SimulatorTls.testClientKeyStore(), "PEM", PASSWORD))
			.withMessageContaining("PKCS12 or JKS");
	}

	@Test
	void keyThatIsNotUnencryptedPkcs8IsRejected() throws Exception {
		Path rsaTraditional = this.temp.resolve("key.pem");
		Files.writeString(rsaTraditional, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(), rsaTraditional))
			.withMessageContaining("PKCS#8");
	}

	@Test
	void mismatchedKeyAndCertificateIsRejected() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(), resource("ec-client.key.pem")))
			.withMessageContaining("does not match");
	}

	@Test
	void trustFromPemOrKeyStore() {
		assertThat(TrustMaterial.pem(SimulatorTls.testCaCertificatePem()).trustManagers()).isNotEmpty();
		assertThat(TrustMaterial.keyStore(SimulatorTls.testCaTrustStore(), "PKCS12", PASSWORD).trustManagers())
			.isNotEmpty();
	}

	@Test
	void fileWithoutCertificatesIsRejected() throws Exception {
		Path empty = this.temp.resolve("empty.pem");
		Files.writeString(empty, "nothing here");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustMaterial.pem(empty))
			.withMessageContaining("'trustMaterial'");
	}

}

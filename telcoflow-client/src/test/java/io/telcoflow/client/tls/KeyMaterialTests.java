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
	void rsaKeyInPkcs1AsOpensslGenrsaWritesItLoads() throws Exception {
		ClientCertificate certificate = ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
				resource("client-pkcs1.key.pem"));
		assertThat(certificate.keyManagers()).isNotEmpty();
	}

	@Test
	void ecKeyInSec1AsOpensslEcparamWritesItLoads() throws Exception {
		ClientCertificate certificate = ClientCertificate.pem(resource("ec-client.crt.pem"),
				resource("ec-client-sec1.key.pem"));
		assertThat(certificate.keyManagers()).isNotEmpty();
	}

	@Test
	void encryptedPkcs8KeyLoadsWithItsPassword() throws Exception {
		ClientCertificate certificate = ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
				resource("client-encrypted.key.pem"), PASSWORD);
		assertThat(certificate.keyManagers()).isNotEmpty();
	}

	@Test
	void encryptedKeyWithoutItsPasswordOrWithAWrongOneIsRejected() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
					resource("client-encrypted.key.pem")))
			.withMessageContaining("is encrypted: give its password");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
					resource("client-encrypted.key.pem"), "s3cr3t-guess".toCharArray()))
			.withMessageContaining("cannot decrypt")
			.withMessageNotContaining("s3cr3t-guess");
	}

	@Test
	void keyInOpensslsLegacyEncryptionIsRejectedWithHowToConvertIt() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(),
					resource("client-pkcs1-encrypted.key.pem"), PASSWORD))
			.withMessageContaining("legacy format")
			.withMessageContaining("openssl pkcs8 -topk8");
	}

	@Test
	void corruptKeyIsRejected() throws Exception {
		Path corrupt = this.temp.resolve("key.pem");
		Files.writeString(corrupt, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(), corrupt))
			.withMessageContaining("corrupt");
		Path none = this.temp.resolve("none.pem");
		Files.writeString(none, "not a key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientCertificate.pem(SimulatorTls.testClientCertificatePem(), none))
			.withMessageContaining("holds no PEM private key");
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

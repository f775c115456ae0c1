package io.telcoflow.client.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates trusted for the server: a truststore file or PEM CA certificates. The files are read
 * when this object is created. {@link #toString()} never shows a password.
 */
public final class TrustMaterial {

	private static final String SETTING = "trustMaterial";

	private final String description;

	private final KeyStore trustStore;

	private TrustMaterial(String description, KeyStore trustStore) {
		this.description = description;
		this.trustStore = trustStore;
	}

	/**
	 * Trust from a keystore file.
	 * @param path the truststore
	 * @param type {@code PKCS12} or {@code JKS}
	 * @param password its password
	 * @return the trust material
	 * @throws IllegalArgumentException when the file is missing, unreadable or of another type
	 */
	public static TrustMaterial keyStore(Path path, String type, char[] password) {
		return new TrustMaterial(type + " truststore " + path,
				KeyMaterialLoader.loadKeyStore(SETTING, path, type, password));
	}

	/**
	 * Trust from PEM certificates.
	 * @param certificates one or more CA certificates in PEM
	 * @return the trust material
	 * @throws IllegalArgumentException when the file is missing, unreadable or holds no certificate
	 */
	public static TrustMaterial pem(Path certificates) {
		List<Certificate> list = KeyMaterialLoader.readCertificates(SETTING, certificates);
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			for (int i = 0; i < list.size(); i++) {
				trustStore.setCertificateEntry("ca-" + i, list.get(i));
			}
			return new TrustMaterial("PEM " + certificates, trustStore);
		}
		catch (Exception ex) {
			throw KeyMaterialLoader.invalid(SETTING, "cannot use the certificates in '" + certificates + "'");
		}
	}

	/**
	 * Creates the trust managers that check the server's certificate.
	 * @return the trust managers
	 */
	public TrustManager[] trustManagers() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(this.trustStore);
			return factory.getTrustManagers();
		}
		catch (GeneralSecurityException ex) {
			throw KeyMaterialLoader.invalid(SETTING, "cannot use " + this.description);
		}
	}

	@Override
	public String toString() {
		return "TrustMaterial[" + this.description + "]";
	}

}

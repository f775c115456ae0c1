package io.telcoflow.client.tls;

import java.nio.file.Path;

/**
 * Certificates trusted for the server: a truststore file or PEM CA certificates.
 */
public final class TrustMaterial {

	// TODO(client helper): implement, with TrustManager creation used by the transport.

	private TrustMaterial() {
	}

	/**
	 * Trust from a keystore file.
	 * @param path the truststore
	 * @param type {@code PKCS12} or {@code JKS}
	 * @param password its password
	 * @return the trust material
	 */
	public static TrustMaterial keyStore(Path path, String type, char[] password) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/**
	 * Trust from PEM certificates.
	 * @param certificates one or more CA certificates in PEM
	 * @return the trust material
	 */
	public static TrustMaterial pem(Path certificates) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}

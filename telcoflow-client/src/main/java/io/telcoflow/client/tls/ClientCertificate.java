package io.telcoflow.client.tls;

import java.nio.file.Path;

/**
 * The client's key material for mTLS: a PKCS12 or JKS keystore, or a PEM certificate (chain) and
 * PKCS#8 private key. {@link #toString()} never shows a password.
 */
public final class ClientCertificate {

	// TODO(client helper): implement: fields, validation (readable files, at build time), toString without
	// passwords, and KeyManager creation used by the transport.

	private ClientCertificate() {
	}

	/**
	 * Key material from a keystore file.
	 * @param path the keystore file
	 * @param type {@code PKCS12} or {@code JKS}
	 * @param password the keystore password (also the key password)
	 * @return the key material
	 */
	public static ClientCertificate keyStore(Path path, String type, char[] password) {
		throw new UnsupportedOperationException("not yet implemented");
	}

	/**
	 * Key material from PEM files.
	 * @param certificateChain the certificate, optionally followed by its chain
	 * @param privateKey the unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
	 * @return the key material
	 */
	public static ClientCertificate pem(Path certificateChain, Path privateKey) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}

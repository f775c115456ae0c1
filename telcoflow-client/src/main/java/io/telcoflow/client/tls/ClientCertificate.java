package io.telcoflow.client.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * The client's key material for mTLS: a PKCS12 or JKS keystore, or a PEM certificate (chain) and
 * PKCS#8 private key (RSA or EC). The files are read when this object is created, so that a
 * missing or unreadable file fails at configuration time with a message naming the setting.
 * {@link #toString()} never shows a password.
 */
public final class ClientCertificate {

	private static final String SETTING = "clientCertificate";

	private final String description;

	private final KeyStore keyStore;

	private final char[] keyPassword;

	private ClientCertificate(String description, KeyStore keyStore, char[] keyPassword) {
		this.description = description;
		this.keyStore = keyStore;
		this.keyPassword = keyPassword;
	}

	/**
	 * Key material from a keystore file.
	 * @param path the keystore file
	 * @param type {@code PKCS12} or {@code JKS}
	 * @param password the keystore password (also the key password)
	 * @return the key material
	 * @throws IllegalArgumentException when the file is missing, unreadable, of another type, or
	 * holds no private key
	 */
	public static ClientCertificate keyStore(Path path, String type, char[] password) {
		KeyStore keyStore = KeyMaterialLoader.loadKeyStore(SETTING, path, type, password);
		try {
			boolean hasKey = false;
			for (String alias : Collections.list(keyStore.aliases())) {
				hasKey |= keyStore.isKeyEntry(alias);
			}
			if (!hasKey) {
				throw KeyMaterialLoader.invalid(SETTING, "keystore '" + path + "' holds no private key");
			}
		}
		catch (GeneralSecurityException ex) {
			throw KeyMaterialLoader.invalid(SETTING, "cannot read keystore '" + path + "'");
		}
		return new ClientCertificate(type + " keystore " + path, keyStore, password.clone());
	}

	/**
	 * Key material from PEM files, with an unencrypted private key: PKCS#8
	 * ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, from
	 * {@code openssl genrsa}) or SEC1 ({@code BEGIN EC PRIVATE KEY}, from {@code openssl ecparam}).
	 * @param certificateChain the certificate, optionally followed by its chain
	 * @param privateKey the private key
	 * @return the key material
	 * @throws IllegalArgumentException when a file is missing, unreadable, malformed, encrypted, or
	 * the key does not match the certificate
	 */
	public static ClientCertificate pem(Path certificateChain, Path privateKey) {
		return pem(certificateChain, privateKey, null);
	}

	/**
	 * Key material from PEM files, with a private key encrypted as PKCS#8
	 * ({@code BEGIN ENCRYPTED PRIVATE KEY}, from {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}).
	 * @param certificateChain the certificate, optionally followed by its chain
	 * @param privateKey the encrypted private key
	 * @param keyPassword the key's password
	 * @return the key material
	 * @throws IllegalArgumentException when a file is missing, unreadable or malformed, the password
	 * is wrong, or the key does not match the certificate
	 */
	public static ClientCertificate pem(Path certificateChain, Path privateKey, char @Nullable [] keyPassword) {
		List<Certificate> chain = KeyMaterialLoader.readCertificates(SETTING + ".certificate", certificateChain);
		PrivateKey key = KeyMaterialLoader.readPrivateKey(SETTING + ".privateKey", privateKey, keyPassword);
		KeyMaterialLoader.requireMatchingKey(SETTING, chain.get(0), key, certificateChain, privateKey);
		char[] password = "in-memory".toCharArray();
		try {
			// JKS: an in-memory store only, whose key protection is cheap (PKCS12's PBE is slow)
			KeyStore keyStore = KeyStore.getInstance("JKS");
			keyStore.load(null, null);
			keyStore.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
			return new ClientCertificate("PEM " + certificateChain + " + " + privateKey, keyStore, password);
		}
		catch (Exception ex) {
			throw KeyMaterialLoader.invalid(SETTING, "the private key in '" + privateKey
					+ "' does not match the certificate in '" + certificateChain + "'");
		}
	}

	/**
	 * Creates the key managers that present this certificate.
	 * @return the key managers
	 */
	public KeyManager[] keyManagers() {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(this.keyStore, this.keyPassword);
			return factory.getKeyManagers();
		}
		catch (GeneralSecurityException ex) {
			throw KeyMaterialLoader.invalid(SETTING, "cannot use the key of " + this.description
					+ " (wrong key password?)");
		}
	}

	@Override
	public String toString() {
		return "ClientCertificate[" + this.description + ", password=******]";
	}

}

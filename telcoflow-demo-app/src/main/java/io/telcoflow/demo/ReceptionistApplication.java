package io.telcoflow.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The receptionist demo. Without {@code telcoflow.url} it runs against an embedded simulator
 * whose scripted callers ring every few seconds; with {@code telcoflow.url} and credentials it
 * takes real calls.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
public class ReceptionistApplication {

	/**
	 * Runs the demo until it is stopped (Ctrl-C).
	 * @param args command-line arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(ReceptionistApplication.class, args);
	}

}

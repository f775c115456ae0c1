package io.telcoflow.test.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with handlers and a service that a Telcoflow test slice must leave out.
 */
@SpringBootApplication
class SliceApplication {

}

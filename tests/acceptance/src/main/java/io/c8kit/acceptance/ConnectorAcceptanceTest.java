package io.c8kit.acceptance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Marks a connector acceptance test class: one instance per class (connector outputs are computed
 * once and shared by the rules), suites in CAT order, tagged {@value #TAG} so builds can select or
 * exclude them. {@link SourceAcceptanceTest} and {@link DestinationAcceptanceTest} already carry
 * it; adding it to a subclass is optional.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(ConnectorAcceptanceTest.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface ConnectorAcceptanceTest {
  /** The JUnit tag of acceptance tests. */
  String TAG = "connector-acceptance";
}

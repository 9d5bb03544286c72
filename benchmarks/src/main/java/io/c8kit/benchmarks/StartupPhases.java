package io.c8kit.benchmarks;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.airbyte.cli.CommandLineParser;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.Connector;
import io.c8kit.runtime.config.ConnectorSpec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A diagnostic for startup findings (not part of the harness table): times, in a fresh JVM, the
 * phases a connector's {@code spec} goes through, in the order the CLI meets them, each measured
 * once and cold. Run it with the connector jar first on the class path and only this module's
 * classes after it, so the runtime classes come from the connector:
 *
 * <pre>java -cp examples/source-faker/target/source-faker.jar:benchmarks/target/classes \
 *     io.c8kit.benchmarks.StartupPhases io.c8kit.examples.faker.FakerConnector spec</pre>
 *
 * Prints one line of milliseconds per phase; the last phase is the rest of {@code
 * ConnectorCli.run}, whose own shares of the earlier phases are already paid (class loading, the
 * mapper).
 */
public final class StartupPhases {
  private StartupPhases() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Connector<?> connector = (Connector<?>) Class.forName(args[0]).getConstructor().newInstance();
    long t1 = System.nanoTime();
    String[] command = java.util.Arrays.copyOfRange(args, 1, args.length);
    CommandLineParser.parse(connector.info(), command, new PrintWriter(new StringWriter()));
    long t2 = System.nanoTime();
    Protocol.mapper();
    long t3 = System.nanoTime();
    Protocol.mapper().writerFor(AirbyteMessage.class);
    long t4 = System.nanoTime();
    ConnectorSpec.of(connector.getClass(), connector.info());
    long t5 = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        ConnectorCli.run(
            connector,
            command,
            InputStream.nullInputStream(),
            out,
            OutputStream.nullOutputStream());
    long t6 = System.nanoTime();
    System.out.printf(
        "connector %.0f | picocli parse %.0f | ObjectMapper %.0f | writerFor(AirbyteMessage) %.0f"
            + " | spec resource %.0f | rest of ConnectorCli.run %.0f | total %.0f ms (exit %d, %d bytes)%n",
        ms(t1 - t0),
        ms(t2 - t1),
        ms(t3 - t2),
        ms(t4 - t3),
        ms(t5 - t4),
        ms(t6 - t5),
        ms(t6 - t0),
        rc,
        out.size());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}

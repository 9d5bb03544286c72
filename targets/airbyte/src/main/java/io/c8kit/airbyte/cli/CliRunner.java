package io.c8kit.airbyte.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.airbyte.cli.CommandLineParser.Invocation;
import io.c8kit.airbyte.cli.CommandLineParser.UsageException;
import io.c8kit.airbyte.input.AirbyteWrite;
import io.c8kit.airbyte.output.AirbyteReadSink;
import io.c8kit.airbyte.output.LineOutput;
import io.c8kit.airbyte.output.ProtocolOutput;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteConnectionStatus;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.FailureType;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.CheckFunction;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.Connector;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.ErrorClassifier;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.config.JsonFiles;
import io.c8kit.runtime.docs.ConnectorDocs;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.output.MaskedThrowable;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.SourceCatalog;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one Airbyte command for a connector on the given streams and returns the exit code; the
 * engine behind {@link io.c8kit.airbyte.ConnectorCli}. Internal: generated code calls {@code
 * ConnectorCli}.
 *
 * <p>Order of work: route logging and {@code System.out}; parse the command line (usage error →
 * TRACE config_error, exit 2); read and validate the config, registering its secrets before
 * anything else can be written; run the command. Any exception then becomes exactly one TRACE ERROR
 * and exit 1, except in {@code check}, where config problems and check failures are a FAILED status
 * and exit 0.
 */
public final class CliRunner {
  /** Exit code of a successful command and of a FAILED check. */
  public static final int OK = 0;

  /** Exit code after a TRACE ERROR. */
  public static final int FAILURE = 1;

  /** Exit code of a command-line usage error (also reported as a TRACE ERROR). */
  public static final int USAGE = 2;

  /** Freed on a fatal error so the TRACE can still be built after an OutOfMemoryError. */
  private static final int RESERVE_BYTES = 2 << 20;

  private static final Logger LOG = Logger.getLogger("io.c8kit.runtime");

  private final Connector<?> connector;
  private final InputStream stdin;
  private final OutputStream stderr;
  private final SecretMasker masker = new SecretMasker();

  /** The config file's JSON as given, for the read engine to write changed values back into. */
  private ObjectNode rawConfig;

  private final ProtocolOutput output;
  private final boolean stderrIsTerminal;
  private PeopleMode people = PeopleMode.of(new String[0], false);
  private LogRouting.Scope scope;
  private byte[] reserve = new byte[RESERVE_BYTES];

  private CliRunner(
      Connector<?> connector,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr,
      boolean stderrIsTerminal) {
    this.stderrIsTerminal = stderrIsTerminal;
    this.connector = Objects.requireNonNull(connector, "connector");
    this.stdin = stdin;
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.output = new ProtocolOutput(Objects.requireNonNull(stdout, "stdout"), masker);
  }

  /** Runs {@code args} in-process and returns the exit code; never exits the JVM. */
  public static int run(
      Connector<?> connector,
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr) {
    return new CliRunner(connector, stdin, stdout, stderr, false).execute(args);
  }

  /**
   * Runs {@code args} as the process's command: like {@link #run}, and people mode ({@link
   * PeopleMode}) is on by default when {@code stderr} is the process's standard error on a
   * terminal.
   */
  public static int runProcess(
      Connector<?> connector,
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr) {
    boolean terminal = stderr == System.err && PeopleMode.stderrIsTerminal();
    return new CliRunner(connector, stdin, stdout, stderr, terminal).execute(args);
  }

  private int execute(String[] args) {
    LogRouting.Scope scope = LogRouting.enter(output, stderr, LogLevels.configured());
    this.scope = scope;
    try {
      people = PeopleMode.of(args, stderrIsTerminal);
      int code = dispatch(people.args(), scope);
      scope.flush();
      output.flush(); // a broken stdout is a failure, not a success
      return code;
    } catch (Throwable t) {
      return fail(t);
    } finally {
      try {
        scope.flush();
        output.flush();
      } catch (Throwable ignored) {
        // stdout is gone; the exit code still tells
      } finally {
        scope.close();
      }
    }
  }

  private int dispatch(String[] args, LogRouting.Scope scope) throws Exception {
    PrintWriter usage =
        new PrintWriter(new OutputStreamWriter(scope.stderr(), StandardCharsets.UTF_8), true);
    Invocation invocation;
    try {
      invocation = CommandLineParser.parse(connector.info(), args, usage, !people.on());
    } catch (UsageException e) {
      output.write(ErrorReporter.usageError(e.getMessage()));
      people.usageError(scope.stderr(), connector.info().name(), e.getMessage());
      return USAGE;
    }
    if (invocation.helpShown()) {
      return OK;
    }
    switch (invocation.command()) {
      case SPEC:
        output.write(AirbyteMessage.spec(spec().specification()));
        return OK;
      case CHECK:
        if (connector instanceof SourceConnector<?> source) {
          return checkSource(source, invocation);
        }
        return checkDestination((DestinationConnector<?>) connector, invocation);
      case DISCOVER:
        return discover((SourceConnector<?>) connector, invocation);
      case READ:
        return read((SourceConnector<?>) connector, invocation);
      case WRITE:
        return write((DestinationConnector<?>) connector, invocation);
      case DOCS:
        return docs(invocation);
      default:
        throw new IllegalStateException("unknown command " + invocation.command());
    }
  }

  private ConnectorSpec spec() {
    return ConnectorSpec.of(connector.getClass(), connector.info());
  }

  /** Reads, validates (secrets first) and binds the config file. */
  private <C> C loadConfig(ConfigBinder<C> binder, String path) {
    ObjectNode raw = JsonFiles.readConfig(path);
    rawConfig = raw;
    ObjectNode prepared = ConfigPreparer.prepare(spec(), raw, masker);
    return ConfigPreparer.bind(binder, prepared, masker);
  }

  private <C> int checkSource(SourceConnector<C> source, Invocation invocation) {
    return check(source.definition().binder(), source.definition().check(), invocation);
  }

  private <C> int checkDestination(DestinationConnector<C> destination, Invocation invocation) {
    return check(destination.definition().binder(), destination.definition().check(), invocation);
  }

  /**
   * Exactly one CONNECTION_STATUS, exit 0: an unreadable or invalid config, a binding failure and
   * any exception from the check are FAILED with a masked message.
   */
  private <C> int check(ConfigBinder<C> binder, CheckFunction<C> check, Invocation invocation) {
    String failure;
    try {
      C config = loadConfig(binder, invocation.config());
      try {
        check.check(config);
        output.write(
            AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.SUCCEEDED, null));
        return OK;
      } catch (Exception | LinkageError | AssertionError e) {
        failure = checkFailure(e);
        LOG.log(Level.WARNING, "Connection check failed", e);
      }
    } catch (ConfigException e) {
      failure = e.getMessage();
    }
    output.write(AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.FAILED, failure));
    people.checkFailed(scope.stderr(), masker.mask(failure));
    return OK;
  }

  private String checkFailure(Throwable e) {
    ErrorClassifier classifier = classifier();
    FailureType type = classifier.classify(e);
    if (type == FailureType.CONFIG_ERROR) {
      return ErrorReporter.userMessage(e, type, classifier);
    }
    String summary = MaskedThrowable.summary(e);
    String name = e.getClass().getSimpleName();
    return "Connection check failed: "
        + (summary.startsWith(name) || e.getMessage() == null ? summary : name + ": " + summary);
  }

  private <C> int discover(SourceConnector<C> source, Invocation invocation) throws Exception {
    C config = loadConfig(source.definition().binder(), invocation.config());
    AirbyteCatalog catalog = SourceCatalog.discover(source, config);
    output.write(AirbyteMessage.catalog(catalog));
    return OK;
  }

  private <C> int read(SourceConnector<C> source, Invocation invocation) throws Exception {
    C config = loadConfig(source.definition().binder(), invocation.config());
    ConfiguredAirbyteCatalog catalog = JsonFiles.readCatalog(invocation.catalog());
    JsonNode state = invocation.state() == null ? null : JsonFiles.readState(invocation.state());
    ReadEngine.read(source, config, rawConfig, catalog, state, new AirbyteReadSink(output), masker);
    return OK;
  }

  /**
   * The reference page (Markdown, not protocol); discovered streams only when a config is given.
   */
  private int docs(Invocation invocation) throws Exception {
    JsonNode catalog = null;
    if (connector instanceof SourceConnector<?> source) {
      catalog = Protocol.mapper().valueToTree(docsCatalog(source, invocation.config()));
    }
    ConnectorInfo info = connector.info();
    String title =
        (info.title().isEmpty() ? info.name() : info.title())
            + " ("
            + (info.kind() == ConnectorKind.SOURCE ? "source-" : "destination-")
            + info.name()
            + " "
            + info.version()
            + ")";
    output.writeText(
        ConnectorDocs.markdown(
            title,
            info.description(),
            Protocol.mapper().valueToTree(spec().specification()),
            catalog));
    return OK;
  }

  private <C> AirbyteCatalog docsCatalog(SourceConnector<C> source, String config)
      throws Exception {
    return config == null
        ? SourceCatalog.staticStreams(source)
        : SourceCatalog.discover(source, loadConfig(source.definition().binder(), config));
  }

  private <C> int write(DestinationConnector<C> destination, Invocation invocation)
      throws Exception {
    C config = loadConfig(destination.definition().binder(), invocation.config());
    ConfiguredAirbyteCatalog catalog = JsonFiles.readCatalog(invocation.catalog());
    AirbyteWrite.write(destination, config, catalog, stdin, new LineOutput(output));
    return OK;
  }

  private ErrorClassifier classifier() {
    if (connector instanceof SourceConnector<?> source) {
      return source.definition().errors();
    }
    return ((DestinationConnector<?>) connector).definition().errors();
  }

  /** Exactly one TRACE ERROR; a hand-built one when even that fails (out of memory). */
  private int fail(Throwable error) {
    reserve = null;
    try {
      AirbyteMessage trace = ErrorReporter.trace(error, classifier());
      output.write(trace);
      output.flush();
      try {
        people.failed(
            scope.stderr(),
            error,
            trace.trace.error.failureType,
            masker.mask(trace.trace.error.message));
      } catch (Throwable ignored) {
        // stderr is gone; the TRACE on stdout already tells
      }
    } catch (Throwable second) {
      try {
        output.writeFallbackLine(ErrorReporter.fallbackLine(error));
      } catch (Throwable ignored) {
        // stdout is gone
      }
    }
    return FAILURE;
  }

  /** Logs an exception that escaped a thread the connector started; installed by {@code main}. */
  public static final Thread.UncaughtExceptionHandler STRAY_THREAD_HANDLER =
      (thread, error) -> {
        try {
          LOG.log(Level.SEVERE, "Uncaught exception in thread \"" + thread.getName() + "\"", error);
        } catch (Throwable ignored) {
          // nothing left to report with
        }
      };
}
